namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>One data-quality finding: the clinic it concerns and the appointment or episode id (never names).</summary>
public readonly record struct DataQualityNote(DataQualityIssue Issue, string ClinicId, string ItemId);
