namespace PhysicalTheraPT.Analytics.Import;

/// <summary>
/// One column of a contract file. <see cref="HoldsPersonalData"/> columns (names, birth date, phone,
/// email) never have their value shown in an error message, only the column and the reason.
/// </summary>
internal sealed record ContractColumn(string Name, bool HoldsPersonalData = false);
