namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>The three services of the data contract (<c>appointments.service</c>).</summary>
public enum ServiceKind : byte
{
    /// <summary><c>pt</c>: physical therapy, part of the acute phase.</summary>
    PhysicalTherapy,

    /// <summary><c>recovery_massage</c>: massage during the acute phase.</summary>
    RecoveryMassage,

    /// <summary><c>maintenance_massage</c>: the every-2-4-weeks massage after discharge.</summary>
    MaintenanceMassage,
}
