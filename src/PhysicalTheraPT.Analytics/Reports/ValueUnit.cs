namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>What kind of number a value is, which decides its number format and how a change is worded.</summary>
public enum ValueUnit
{
    /// <summary>A whole count of patients or episodes.</summary>
    Count,

    /// <summary>A fraction 0-1 shown as a percentage.</summary>
    Rate,

    /// <summary>A number with one decimal, such as a median of visits.</summary>
    Decimal,
}
