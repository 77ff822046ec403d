using PhysicalTheraPT.Analytics.Files;

namespace PhysicalTheraPT.Analytics.Outreach.WorkedLists;

/// <summary>
/// The signature of a whole outreach list (its <see cref="WorkbookMarker.Signature"/> property): the
/// installation's HMAC of the list's layout, clinic and date. It tells a list made from this database
/// from one made elsewhere before any row is read; the row keys carry signatures of their own.
/// </summary>
internal static class OutreachListSignature
{
    private const string Purpose = "outreach-list|";

    public static string Sign(ListSigningKey signingKey, string clinicId, DateOnly asOf) => signingKey.Sign(Message(clinicId, asOf));

    public static bool Verifies(ListSigningKey signingKey, string clinicId, DateOnly asOf, string? signature) =>
        signingKey.Verifies(Message(clinicId, asOf), signature);

    private static string Message(string clinicId, DateOnly asOf) =>
        Purpose + OutreachListLayout.LayoutVersion + "|" + clinicId + "|" + IsoDate.Format(asOf);
}
