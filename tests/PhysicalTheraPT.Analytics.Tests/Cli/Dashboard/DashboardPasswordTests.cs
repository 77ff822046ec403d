using PhysicalTheraPT.Analytics.Cli.Dashboard;

namespace PhysicalTheraPT.Analytics.Tests.Cli.Dashboard;

public sealed class DashboardPasswordTests
{
    [Fact]
    public void Verify_AcceptsThePasswordItWasHashedFrom_AndNothingElse()
    {
        var hash = DashboardPassword.Hash("correct horse");

        Assert.True(DashboardPassword.Verify("correct horse", hash));
        Assert.False(DashboardPassword.Verify("correct horse ", hash));
        Assert.False(DashboardPassword.Verify("", hash));
    }

    [Fact]
    public void Hash_SaltsEveryHash_SoEqualPasswordsDoNotShowAsEqual()
    {
        Assert.NotEqual(DashboardPassword.Hash("same"), DashboardPassword.Hash("same"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("pbkdf2-sha256$abc$AA==$AA==")]
    [InlineData("pbkdf2-sha256$1000$not base64$AA==")]
    [InlineData("bcrypt$10$AA==$AA==")]
    public void Verify_RefusesMalformedHashes(string hash)
    {
        Assert.False(DashboardPassword.IsWellFormed(hash));
        Assert.False(DashboardPassword.Verify("anything", hash));
    }
}
