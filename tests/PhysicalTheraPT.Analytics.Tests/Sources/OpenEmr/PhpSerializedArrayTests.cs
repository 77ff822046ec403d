using PhysicalTheraPT.Analytics.Sources.OpenEmr;

namespace PhysicalTheraPT.Analytics.Tests.Sources.OpenEmr;

public sealed class PhpSerializedArrayTests
{
    [Fact]
    public void Parse_ReadsEveryKey_WhenTheSpecIsWhatOpenEmrWrites()
    {
        var spec = "a:6:{s:17:\"event_repeat_freq\";s:1:\"2\";s:22:\"event_repeat_freq_type\";s:1:\"1\";"
            + "s:19:\"event_repeat_on_num\";s:1:\"1\";s:19:\"event_repeat_on_day\";s:1:\"0\";"
            + "s:20:\"event_repeat_on_freq\";s:1:\"0\";s:6:\"exdate\";s:17:\"20260105,20260119\";}";

        var values = PhpSerializedArray.Parse(spec);

        Assert.Equal("2", values["event_repeat_freq"]);
        Assert.Equal("1", values["event_repeat_freq_type"]);
        Assert.Equal("20260105,20260119", values["exdate"]);
        Assert.Equal(6, values.Count);
    }

    [Fact]
    public void Parse_CountsStringLengthsInBytes_WhenAValueIsNotAscii()
    {
        // "é" is two bytes in UTF-8, as PHP counts it.
        var values = PhpSerializedArray.Parse("a:1:{s:4:\"note\";s:6:\"café;\";}");

        Assert.Equal("café;", values["note"]);
    }

    [Fact]
    public void Parse_ReadsNullsIntegersAndBooleans()
    {
        var values = PhpSerializedArray.Parse("a:3:{s:6:\"exdate\";N;i:7;i:42;s:4:\"flag\";b:1;}");

        Assert.Null(values["exdate"]);
        Assert.Equal("42", values["7"]);
        Assert.Equal("1", values["flag"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not serialized")]
    [InlineData("a:1:{s:6:\"exdate\";s:9:\"2026\";}")]
    [InlineData("a:2:{s:6:\"exdate\";s:0:\"\";}")]
    [InlineData("a:1:{s:1:\"x\";a:0:{}}")]
    [InlineData("a:1:{s:1:\"x\";O:8:\"stdClass\":0:{}}")]
    [InlineData("a:1:{s:1:\"x\";s:0:\"\";}trailing")]
    public void Parse_ThrowsFormatException_WhenTheTextIsNotAFlatSerializedArray(string text)
    {
        var exception = Assert.Throws<FormatException>(() => PhpSerializedArray.Parse(text));

        Assert.Contains("at byte", exception.Message);
    }
}
