using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Outreach.WorkedLists;

namespace PhysicalTheraPT.Analytics.Tests.Outreach;

public sealed class OutreachRowKeyTests
{
    private static readonly DateOnly AsOf = new(2026, 4, 1);

    private static readonly ListSigningKey SigningKey = ListSigningKey.CreateNew();

    [Fact]
    public void SignedWith_HasVersionPartsAndA128BitSignature()
    {
        var key = OutreachRowKey.Create("C01", "P000123", "dropped_after_acute", AsOf);

        var parts = key.SignedWith(SigningKey).Split('|');

        Assert.Equal(["v2", "C01", "P000123", "dropped_after_acute", "2026-04-01"], parts[..5]);
        Assert.Matches("^[0-9a-f]{32}$", parts[5]);
    }

    [Fact]
    public void TryParse_ReturnsTheSameKey_WhenKeyWasSignedWithTheSameSigningKey()
    {
        var written = OutreachRowKey.Create("C01", "P000123", "maintenance_lapsed", AsOf);

        var parsed = OutreachRowKey.TryParse(written.SignedWith(SigningKey), SigningKey, out var key, out var error);

        Assert.True(parsed, error);
        Assert.Equal(written, key);
    }

    [Fact]
    public void TryParse_RefusesTheKey_WhenAnotherInstallationSignedIt()
    {
        var elsewhere = OutreachRowKey.Create("C01", "P000123", "dropped_after_acute", AsOf).SignedWith(ListSigningKey.CreateNew());

        var parsed = OutreachRowKey.TryParse(elsewhere, SigningKey, out var key, out var error);

        Assert.False(parsed);
        Assert.Null(key);
        Assert.Contains("signature does not match", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("C02", "P000123", "dropped_after_acute", "2026-04-01")]
    [InlineData("C01", "P000124", "dropped_after_acute", "2026-04-01")]
    [InlineData("C01", "P000123", "maintenance_lapsed", "2026-04-01")]
    [InlineData("C01", "P000123", "dropped_after_acute", "2026-04-02")]
    public void TryParse_ReportsSignatureMismatch_WhenAnyPartWasEdited(string clinic, string patient, string flag, string date)
    {
        var original = OutreachRowKey.Create("C01", "P000123", "dropped_after_acute", AsOf).SignedWith(SigningKey);
        var edited = string.Join('|', "v2", clinic, patient, flag, date, original.Split('|')[5]);

        var parsed = OutreachRowKey.TryParse(edited, SigningKey, out var key, out var error);

        Assert.False(parsed);
        Assert.Null(key);
        Assert.Contains("signature does not match", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_RefusesTheKey_WhenItsSignatureIsThePublicSha256OfOldLists()
    {
        // The forgery the hardening campaign recorded: a v2 key with the checksum anyone can compute.
        var body = "v2|C01|P000999|dropped_after_acute|2026-04-01";
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(body)))[..32];

        var parsed = OutreachRowKey.TryParse(body + "|" + sha, SigningKey, out _, out var error);

        Assert.False(parsed);
        Assert.Contains("signature does not match", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("v2|C01|P1|dropped_after_acute|2026-04-01", "5 parts")]
    [InlineData("v3|C01|P1|dropped_after_acute|2026-04-01|0123456789ab", "version 'v3'")]
    [InlineData("v1|C01|P1|dropped_after_acute|2026-04-01|0123456789ab", "Make a new list")]
    [InlineData("v2|C01|P1|dropped_after_acute|01/04/2026|0123456789ab", "not a date")]
    [InlineData("v2||P1|dropped_after_acute|2026-04-01|0123456789ab", "empty clinic")]
    public void TryParse_SaysWhatIsWrong_WhenKeyIsMalformed(string text, string expected)
    {
        var parsed = OutreachRowKey.TryParse(text, SigningKey, out _, out var error);

        Assert.False(parsed);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("C|01")]
    [InlineData("")]
    [InlineData(" C01")]
    public void Create_Throws_WhenAPartCannotBeReadBack(string clinicId)
    {
        Assert.Throws<ArgumentException>(() => OutreachRowKey.Create(clinicId, "P1", "dropped_after_acute", AsOf));
    }
}
