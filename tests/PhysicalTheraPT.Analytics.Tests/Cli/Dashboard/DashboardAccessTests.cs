using PhysicalTheraPT.Analytics.Cli.Dashboard;

namespace PhysicalTheraPT.Analytics.Tests.Cli.Dashboard;

public sealed class DashboardAccessTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080")]
    [InlineData("http://[::1]:5080")]
    [InlineData("http://127.0.0.2:5080;http://localhost:5081")]
    public void Validate_AllowsLoopbackWithoutUsers(string urls)
    {
        DashboardAccess.Validate(urls, new DashboardOptions());

        Assert.Empty(DashboardAccess.NonLoopbackAddresses(urls));
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://+:5080")]
    [InlineData("http://192.168.1.20:5080")]
    [InlineData("http://127.0.0.1:5080;http://clinic-jobs.example:5080")]
    public void Validate_RefusesOtherAddresses_WhenNoUsersAreConfigured(string urls)
    {
        var error = Assert.Throws<UserInputException>(() => DashboardAccess.Validate(urls, new DashboardOptions()));

        Assert.Contains("refuses to start", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AllowsOtherAddresses_WhenUsersAreConfigured()
    {
        var options = new DashboardOptions { Users = [new DashboardUser { Name = "ops", Role = "admin", PasswordHash = DashboardPassword.Hash("s3cret") }] };

        DashboardAccess.Validate("http://0.0.0.0:5080", options);

        Assert.Single(DashboardAccess.NonLoopbackAddresses("http://0.0.0.0:5080"));
    }

    [Theory]
    [InlineData("", "admin", "pw", null, "Name")]
    [InlineData("ops", "owner", "pw", null, "Role 'owner'")]
    [InlineData("ops", "admin", null, null, "exactly one of Password or PasswordHash")]
    [InlineData("ops", "admin", "pw", "pbkdf2-sha256$1$AA==$AA==", "exactly one of Password or PasswordHash")]
    [InlineData("ops", "viewer", null, "md5:abc", "not a hash")]
    public void Validate_SaysWhichUserSettingIsWrong(string name, string role, string? password, string? hash, string expected)
    {
        var options = new DashboardOptions { Users = [new DashboardUser { Name = name, Role = role, Password = password, PasswordHash = hash }] };

        var error = Assert.Throws<UserInputException>(() => DashboardAccess.Validate("http://127.0.0.1:5080", options));

        Assert.Contains("Dashboard:Users:0", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NamesTheBadUrl_WhenItIsNotAnAddress()
    {
        var error = Assert.Throws<UserInputException>(() => DashboardAccess.Validate("5080", new DashboardOptions()));

        Assert.Contains("'5080'", error.Message, StringComparison.Ordinal);
    }
}
