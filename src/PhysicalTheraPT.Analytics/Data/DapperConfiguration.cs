using System.Data;
using System.Globalization;
using Dapper;

namespace PhysicalTheraPT.Analytics.Data;

/// <summary>
/// Dapper settings the whole service relies on, registered once per process: calendar dates travel as
/// <see cref="DateOnly"/> on every database (SQLite stores them as 'YYYY-MM-DD' text, so text order is
/// date order).
/// </summary>
internal static class DapperConfiguration
{
    private static int _configured;

    public static void EnsureConfigured()
    {
        if (Interlocked.Exchange(ref _configured, 1) == 1)
        {
            return;
        }

        SqlMapper.AddTypeHandler(new DateOnlyHandler());
    }

    private sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            parameter.DbType = DbType.Date;
            parameter.Value = value;
        }

        public override DateOnly Parse(object value) => value switch
        {
            DateOnly date => date,
            DateTime dateTime => DateOnly.FromDateTime(dateTime),
            string text => DateOnly.ParseExact(text.Length > 10 ? text[..10] : text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => throw new DataException($"Cannot read a date from a {value.GetType().Name}."),
        };
    }
}
