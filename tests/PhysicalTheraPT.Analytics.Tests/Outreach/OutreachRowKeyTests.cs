using PhysicalTheraPT.Analytics.Outreach;

namespace PhysicalTheraPT.Analytics.Tests.Outreach;

public sealed class OutreachRowKeyTests
{
    private static readonly DateOnly AsOf = new(2026, 4, 1);

    [Fact]
    public void Value_HasVersionPartsAndTwelveHexChecksum()
    {
        var key = OutreachRowKey.Create("C01", "P000123", "dropped_after_acute", AsOf);

        var parts = key.Value.Split('|');

        Assert.Equal(["v1", "C01", "P000123", "dropped_after_acute", "2026-04-01"], parts[..5]);
        Assert.Matches("^[0-9a-f]{12}$", parts[5]);
    }

    [Fact]
    public void TryParse_ReturnsTheSameKey_WhenKeyWasWrittenByCreate()
    {
        var written = OutreachRowKey.Create("C01", "P000123", "maintenance_lapsed", AsOf);

        var parsed = OutreachRowKey.TryParse(written.Value, out var key, out var error);

        Assert.True(parsed, error);
        Assert.Equal(written, key);
    }

    [Theory]
    [InlineData("C02", "P000123", "dropped_after_acute", "2026-04-01")]
    [InlineData("C01", "P000124", "dropped_after_acute", "2026-04-01")]
    [InlineData("C01", "P000123", "maintenance_lapsed", "2026-04-01")]
    [InlineData("C01", "P000123", "dropped_after_acute", "2026-04-02")]
    public void TryParse_ReportsChecksumMismatch_WhenAnyPartWasEdited(string clinic, string patient, string flag, string date)
    {
        var original = OutreachRowKey.Create("C01", "P000123", "dropped_after_acute", AsOf).Value;
        var edited = string.Join('|', "v1", clinic, patient, flag, date, original.Split('|')[5]);

        var parsed = OutreachRowKey.TryParse(edited, out var key, out var error);

        Assert.False(parsed);
        Assert.Null(key);
        Assert.Contains("checksum", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("v1|C01|P1|dropped_after_acute|2026-04-01", "5 parts")]
    [InlineData("v2|C01|P1|dropped_after_acute|2026-04-01|0123456789ab", "version 'v2'")]
    [InlineData("v1|C01|P1|dropped_after_acute|01/04/2026|0123456789ab", "not a date")]
    [InlineData("v1||P1|dropped_after_acute|2026-04-01|0123456789ab", "empty clinic")]
    public void TryParse_SaysWhatIsWrong_WhenKeyIsMalformed(string text, string expected)
    {
        var parsed = OutreachRowKey.TryParse(text, out _, out var error);

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
