using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Analysis;

/// <summary>
/// The as-of date D each patient is judged by: one date for everybody when given, else today on the
/// wall clock of the patient's clinic (clinics in different time zones can be a day apart around
/// midnight). Each clinic's date is worked out once, when its first patient comes.
/// </summary>
/// <param name="onlyClinicId">The one clinic in scope, for <see cref="Earliest"/>; null for every clinic.</param>
internal sealed class AsOfDates(ClinicDirectory clinics, DateOnly? single, TimeProvider timeProvider, string? onlyClinicId = null)
{
    private readonly Dictionary<string, DateOnly> _byClinic = new(StringComparer.Ordinal);
    private string? _lastClinicId;
    private DateOnly _lastAsOf;

    public DateOnly? Single { get; } = single;

    /// <summary>
    /// The as-of date of a month's numbers: the one given, else the day after the month, so a rerun weeks
    /// later gives the same numbers. The one place this default is worked out.
    /// </summary>
    public static DateOnly ForMonth(CalendarMonth month, DateOnly? given = null) => given ?? month.DayAfter;

    /// <summary>
    /// As <see cref="ForMonth"/> for a job that runs on <paramref name="today"/>: the clinic's today when
    /// the day after the month has not yet begun there.
    /// </summary>
    public static DateOnly ForMonthSeenOn(CalendarMonth month, DateOnly today) => today < ForMonth(month) ? today : ForMonth(month);

    /// <summary>The earliest as-of date of the clinics in scope (of any patient the pass reads); null when there is no clinic.</summary>
    public DateOnly? Earliest => Single ?? (ByClinic(onlyClinicId) is { Count: > 0 } dates ? dates.Values.Min() : null);

    public DateOnly For(string clinicId)
    {
        if (Single is { } asOf)
        {
            return asOf;
        }

        // Patients stream in id order, which usually keeps a clinic's patients together.
        if (ReferenceEquals(clinicId, _lastClinicId) || string.Equals(clinicId, _lastClinicId, StringComparison.Ordinal))
        {
            return _lastAsOf;
        }

        if (!_byClinic.TryGetValue(clinicId, out var today))
        {
            today = clinics.TodayIn(clinicId, timeProvider);
            _byClinic[clinicId] = today;
        }

        _lastClinicId = clinicId;
        _lastAsOf = today;
        return today;
    }

    /// <summary>The date of every clinic in scope, for the record of the run.</summary>
    public IReadOnlyDictionary<string, DateOnly> ByClinic(string? onlyClinicId)
    {
        var scope = onlyClinicId is null ? clinics.ClinicIds : [onlyClinicId];
        return scope.ToDictionary(clinicId => clinicId, For, StringComparer.Ordinal);
    }
}
