using Microsoft.SqlServer.TransactSql.ScriptDom;
using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Tests.Data;

/// <summary>
/// No SQL Server runs on the build machines, so every SQL Server script and every statement the code can
/// send is parsed with Microsoft's own T-SQL parser; a syntax error fails the build here, not in a
/// clinic's production database.
/// </summary>
public sealed class SqlServerSyntaxTests
{
    public static TheoryData<string> SqlServerScripts() => new(SchemaMigrator.ScriptNames(SqlDialect.SqlServer));

    public static TheoryData<string> SqlServerStatementNames()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in AllSqlServerStatements())
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SqlServerScripts))]
    public void MigrationScript_ParsesAsTSql(string scriptName)
    {
        AssertParses(scriptName, SchemaMigrator.ReadScript(scriptName));
    }

    [Theory]
    [MemberData(nameof(SqlServerStatementNames))]
    public void Statement_ParsesAsTSql(string statementName)
    {
        var sql = AllSqlServerStatements().Single(statement => statement.Key == statementName).Value;

        AssertParses(statementName, sql);
    }

    [Fact]
    public void Upsert_ParsesAsTSql_ForCompositeKeys()
    {
        var sql = SqlDialect.SqlServer.Upsert("outreach_items", ["clinic_id", "patient_id"], ["clinic_id", "patient_id", "status", "attempts"]);

        AssertParses("composite upsert", sql);
    }

    [Fact]
    public void Parser_ReportsErrors_WhenSqlIsNotTSql()
    {
        // Proves the check can fail: PostgreSQL's upsert is not T-SQL.
        var errors = Parse(SqlDialect.Postgres.Upsert("clinics", ["clinic_id"], ["clinic_id", "name"]));

        Assert.NotEmpty(errors);
    }

    private static IEnumerable<KeyValuePair<string, string>> AllSqlServerStatements()
    {
        var statementClasses = typeof(ISqlStatements).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(ISqlStatements).IsAssignableFrom(type))
            .OrderBy(type => type.FullName, StringComparer.Ordinal);
        foreach (var type in statementClasses)
        {
            var statements = (ISqlStatements)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(type);
            foreach (var (name, sql) in statements.StatementsFor(SqlDialect.SqlServer))
            {
                yield return new($"{type.Name}.{name}", sql);
            }
        }
    }

    private static void AssertParses(string name, string sql)
    {
        var errors = Parse(sql);
        Assert.True(errors.Count == 0, $"{name} is not valid T-SQL:\n" + string.Join("\n", errors.Select(error => $"line {error.Line}, column {error.Column}: {error.Message}")));
    }

    private static IList<ParseError> Parse(string sql)
    {
        var parser = new TSql170Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        return errors;
    }
}
