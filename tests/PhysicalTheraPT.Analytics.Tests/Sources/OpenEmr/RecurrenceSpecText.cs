using System.Globalization;
using System.Text;

namespace PhysicalTheraPT.Analytics.Tests.Sources.OpenEmr;

/// <summary>
/// Writes a <c>pc_recurrspec</c> as OpenEMR's calendar saves it (PHP <c>serialize()</c> of the repeat
/// fields, every value a string), so tests state a series the way OpenEMR stores it.
/// </summary>
internal static class RecurrenceSpecText
{
    /// <summary>Type 1: every <paramref name="every"/> units (0 day, 1 week, 2 month, 3 year, 4 workday).</summary>
    public static string Every(int every, int unit, params string[] exdates) =>
        Serialize(("event_repeat_freq", every.ToString(CultureInfo.InvariantCulture)), ("event_repeat_freq_type", unit.ToString(CultureInfo.InvariantCulture)),
            ("event_repeat_on_num", "1"), ("event_repeat_on_day", "0"), ("event_repeat_on_freq", "0"), ("exdate", string.Join(',', exdates)));

    /// <summary>Type 2: the <paramref name="nth"/> (5 = last) <paramref name="weekday"/> of every <paramref name="months"/> months.</summary>
    public static string NthWeekday(int nth, DayOfWeek weekday, int months = 1, bool firstOfMonthFlag = true, params string[] exdates)
    {
        (string, string?)[] fields =
        [
            ("event_repeat_freq", "0"), ("event_repeat_freq_type", "0"), ("event_repeat_on_num", nth.ToString(CultureInfo.InvariantCulture)),
            ("event_repeat_on_day", ((int)weekday).ToString(CultureInfo.InvariantCulture)),
            ("event_repeat_on_freq", months.ToString(CultureInfo.InvariantCulture)), ("exdate", string.Join(',', exdates)),
        ];
        return Serialize(firstOfMonthFlag ? [.. fields, ("rt2_pf_flag", "1")] : fields);
    }

    /// <summary>Type 3: these weekdays of every week (stored as 1 = Sunday to 7 = Saturday).</summary>
    public static string Weekdays(params DayOfWeek[] days) =>
        Serialize(("event_repeat_freq", string.Join(',', days.Select(day => ((int)day + 1).ToString(CultureInfo.InvariantCulture)))),
            ("event_repeat_freq_type", "6"), ("event_repeat_on_num", "1"), ("event_repeat_on_day", "0"), ("event_repeat_on_freq", "0"), ("exdate", ""));

    public static string Serialize(params (string Key, string? Value)[] fields)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"a:{fields.Length}:{{");
        foreach (var (key, value) in fields)
        {
            text.Append(String(key)).Append(value is null ? "N;" : String(value));
        }

        return text.Append('}').ToString();
    }

    private static string String(string value) =>
        string.Create(CultureInfo.InvariantCulture, $"s:{Encoding.UTF8.GetByteCount(value)}:\"{value}\";");
}
