namespace PhysicalTheraPT.Analytics.Seeding;

/// <summary>Where a synthetic clinic is: its city, IANA time zone and telephone area code.</summary>
internal sealed record SyntheticCity(string Name, string TimeZone, string AreaCode);
