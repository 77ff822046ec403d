using Microsoft.Extensions.Configuration;
using PhysicalTheraPT.Analytics.Cli.Dashboard;

namespace PhysicalTheraPT.Analytics.Tests.Cli.Dashboard;

/// <summary>Section <c>Users</c>: read as the environment gives it, and every mistake named at start.</summary>
public sealed class AppUsersTests
{
    [Fact]
    public void Read_TakesClinicsAsAListOrCommaSeparated_AndInitialsFromTheName()
    {
        var users = AppUsers.Read(Configuration(new()
        {
            ["Users:0:Name"] = "Jane Doe", ["Users:0:Password"] = "pw", ["Users:0:Role"] = "front_desk", ["Users:0:Clinics"] = "C01, C02",
            ["Users:1:Name"] = "mia", ["Users:1:Password"] = "pw", ["Users:1:Role"] = "manager", ["Users:1:Clinics:0"] = "C03", ["Users:1:Initials"] = "m.k.",
        }));

        Assert.Equal(["C01", "C02"], users[0].Clinics);
        Assert.Equal("JD", users[0].Initials);
        Assert.Equal(["C03"], users[1].Clinics);
        Assert.Equal("MK", users[1].Initials);
        Assert.All(users, user => Assert.True(user.IsWebUser));
    }

    [Theory]
    [InlineData("Role", "owner", "Users:0:Role 'owner' is not a role")]
    [InlineData("Clinics", "", "Users:0:Clinics is empty")]
    [InlineData("Initials", "J2", "Users:0:Initials 'J2' are not initials")]
    public void Read_SaysWhichSettingIsWrong(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?> { ["Users:0:Name"] = "frank", ["Users:0:Password"] = "pw", ["Users:0:Role"] = "front_desk", ["Users:0:Clinics"] = "C01" };
        settings["Users:0:" + key] = value;

        var error = Assert.Throws<UserInputException>(() => AppUsers.Read(Configuration(settings)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckClinics_NamesAClinicTheDatabaseDoesNotHave()
    {
        var users = AppUsers.Read(Configuration(new() { ["Users:0:Name"] = "frank", ["Users:0:Password"] = "pw", ["Users:0:Role"] = "front_desk", ["Users:0:Clinics"] = "C1" }));

        var error = Assert.Throws<UserInputException>(() => AppUsers.CheckClinics(users, ["C01", "C02"]));

        Assert.Contains("clinic C1 is not in the database (it has C01, C02)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RefusesTheSameNameInUsersAndDashboardUsers()
    {
        var options = new DashboardOptions
        {
            Users = [new DashboardUser { Name = "ops", Role = "admin", Password = "a" }],
            AppUsers = [new DashboardUser { Name = "ops", Role = "admin", Password = "b", IsWebUser = true }],
        };

        var error = Assert.Throws<UserInputException>(() => DashboardAccess.Validate("http://127.0.0.1:5080", options));

        Assert.Contains("'ops' is given twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RefusesTheDemoSignIn_BeyondLoopback()
    {
        var options = new DashboardOptions { AppUsers = [new DashboardUser { Name = "demo", Role = "admin", PasswordHash = DashboardPassword.Hash("x"), IsWebUser = true, IsDemo = true }] };

        DashboardAccess.Validate("http://127.0.0.1:5080", options);
        var error = Assert.Throws<UserInputException>(() => DashboardAccess.Validate("http://0.0.0.0:5080", options));

        Assert.Contains("loopback only", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) => new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
