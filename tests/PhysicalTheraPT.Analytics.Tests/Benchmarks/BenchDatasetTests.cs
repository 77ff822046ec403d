using PhysicalTheraPT.Analytics.Benchmarks;

namespace PhysicalTheraPT.Analytics.Tests.Benchmarks;

public sealed class BenchDatasetTests
{
    [Fact]
    public void History_IsTheClinicGroupWithAPatientPer21Appointments_WhenAppointmentsReachAMillion()
    {
        var history = new BenchDataset(5_000_000).History;

        Assert.Equal(50, history.Clinics);
        Assert.Equal(238_095, history.Patients);
        Assert.Equal(BenchDataset.Until, history.Until);
    }

    [Fact]
    public void History_HasFewerClinics_WhenTheHistoryIsSmall()
    {
        Assert.Equal(5, new BenchDataset(100_000).History.Clinics);
        Assert.Equal(1, new BenchDataset(5_000).History.Clinics);
    }

    [Fact]
    public void ImportAppointments_IsCappedAtAMillion_WhenTheHistoryIsLarger()
    {
        Assert.Equal(1_000_000, new BenchDataset(2_500_000).ImportAppointments);
        Assert.Equal(20_000, new BenchDataset(20_000).ImportAppointments);
    }

    [Fact]
    public void History_ThrowsAUserError_WhenAppointmentsAreTooFew()
    {
        var error = Assert.Throws<UserInputException>(() => new BenchDataset(10).History);

        Assert.Contains("--appointments 10", error.Message, StringComparison.Ordinal);
    }
}
