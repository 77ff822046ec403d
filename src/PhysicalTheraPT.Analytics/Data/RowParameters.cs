using System.Data.Common;
using System.Reflection;

namespace PhysicalTheraPT.Analytics.Data;

/// <summary>
/// Binds a row record's properties as command parameters named after them (<c>ClinicId</c> feeds
/// <c>@ClinicId</c>), as Dapper does, for the batched path of <see cref="RowBatchWriter"/>, where Dapper
/// cannot reach: a <see cref="DbBatchCommand"/> per row.
/// </summary>
internal static class RowParameters<TRow>
{
    private static readonly (string Name, Func<TRow, object?> Value)[] Properties = typeof(TRow)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(property => property.GetIndexParameters().Length == 0)
        .Select(property => (property.Name, (Func<TRow, object?>)(row => property.GetValue(row))))
        .ToArray();

    public static void AddTo(DbBatchCommand command, TRow row)
    {
        foreach (var (name, value) in Properties)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value(row) ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
    }
}
