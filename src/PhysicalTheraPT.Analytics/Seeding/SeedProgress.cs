namespace PhysicalTheraPT.Analytics.Seeding;

/// <summary>How far a seed has come: patients generated of the total, and their appointments so far.</summary>
internal readonly record struct SeedProgress(int PatientsDone, int PatientsTotal, long Appointments);
