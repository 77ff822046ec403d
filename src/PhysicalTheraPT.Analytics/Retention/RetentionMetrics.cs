namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>The monthly numbers of a run: all clinics together and every clinic, active or not.</summary>
/// <param name="Clinics">One scope per clinic, ordered by clinic id (ordinal).</param>
/// <param name="Definitions">Every definition with the settings of this run, for the Definitions sheet.</param>
internal sealed record RetentionMetrics(
    DateOnly AsOf,
    CalendarMonth Month,
    ScopeMetrics All,
    IReadOnlyList<ScopeMetrics> Clinics,
    IReadOnlyList<RetentionDefinition> Definitions)
{
    /// <summary>The scope of a clinic id, or of <see cref="ScopeMetrics.AllClinics"/>; null when unknown.</summary>
    public ScopeMetrics? For(string clinicId)
    {
        if (clinicId == ScopeMetrics.AllClinics)
        {
            return All;
        }

        foreach (var clinic in Clinics)
        {
            if (string.Equals(clinic.ClinicId, clinicId, StringComparison.Ordinal))
            {
                return clinic;
            }
        }

        return null;
    }
}
