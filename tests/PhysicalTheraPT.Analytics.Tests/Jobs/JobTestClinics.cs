using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Jobs;

/// <summary>Clinics <c>c01</c>, <c>c02</c>, ... with a few patients each (<c>c01-p1</c>, ...), for jobs to fan out to.</summary>
internal static class JobTestClinics
{
    public static IReadOnlyList<string> Ids(int count) =>
        Enumerable.Range(1, count).Select(number => $"c{number:00}").ToList();

    public static async Task<IReadOnlyList<string>> SeedAsync(TestDatabase test, int clinicCount, int patientsPerClinic = 3, string timeZone = "America/Denver")
    {
        var ids = Ids(clinicCount);
        await using var connection = await test.Database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var writer = new ClinicDataWriter(connection, transaction, test.Database.Dialect);
        await writer.UpsertClinicsAsync(ids.Select(id => new ClinicRow(id, $"Clinic {id}", timeZone)), CancellationToken.None);
        await writer.UpsertPatientsAsync(
            ids.SelectMany(id => Enumerable.Range(1, patientsPerClinic).Select(number =>
                new PatientRow($"{id}-p{number}", id, "Test", $"Patient{number}", null, null, null, null, false))),
            CancellationToken.None);
        await transaction.CommitAsync();
        return ids;
    }
}
