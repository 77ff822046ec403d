using PhysicalTheraPT.Analytics.Sources;
using PhysicalTheraPT.Analytics.Sources.OpenEmr;

namespace PhysicalTheraPT.Analytics.Tests.Sources.OpenEmr;

public sealed class OpenEmrSourceKindTests
{
    [Fact]
    public void Validate_Passes_WhenTheExampleOfTheDocsIsGiven()
    {
        new OpenEmrSourceKind(TimeProvider.System).Validate(Source(), 0);
    }

    [Theory]
    [InlineData("TimeZone", null, "Sources:3:TimeZone is not set")]
    [InlineData("TimeZone", "Mountain Standard Time", "Sources:3:TimeZone 'Mountain Standard Time' is not an IANA time zone id")]
    [InlineData("ConnectionString", "", "Sources:3:ConnectionString is not set")]
    [InlineData("Provider", "postgres", "Sources:3:Provider is 'postgres'")]
    [InlineData("ServiceCategories", "", "Sources:3:ServiceCategories is empty")]
    [InlineData("ServiceCategories", "massage", "Sources:3:ServiceCategories:PT Treatment is 'massage'")]
    [InlineData("Statuses", "arrived", "Sources:3:Statuses:@ is not one of booked, completed, cancelled, no_show")]
    [InlineData("ProviderDisciplines", "chiropractic", "Sources:3:ProviderDisciplines:mchen is 'chiropractic'")]
    [InlineData("RecurrenceHorizonDays", "0", "Sources:3:RecurrenceHorizonDays must be 1 or more")]
    public void Validate_ThrowsNamingTheSetting_WhenASettingCannotWork(string setting, string? value, string message)
    {
        var source = Source();
        switch (setting)
        {
            case "TimeZone": source.TimeZone = value; break;
            case "ConnectionString": source.ConnectionString = value; break;
            case "Provider": source.Provider = value; break;
            case "ServiceCategories" when value == "": source.ServiceCategories.Clear(); break;
            case "ServiceCategories": source.ServiceCategories["PT Treatment"] = value!; break;
            case "Statuses": source.Statuses["@"] = value!; break;
            case "ProviderDisciplines": source.ProviderDisciplines["mchen"] = value!; break;
            default: source.RecurrenceHorizonDays = int.Parse(value!, System.Globalization.CultureInfo.InvariantCulture); break;
        }

        var exception = Assert.Throws<UserInputException>(() => new OpenEmrSourceKind(TimeProvider.System).Validate(source, 3));

        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    private static SourceOptions Source() => new()
    {
        Name = "openemr",
        Kind = "openemr",
        ConnectionString = "Server=127.0.0.1;Database=openemr;User ID=reader;Password=secret",
        TimeZone = "America/Denver",
        ServiceCategories = new() { ["PT Treatment"] = "pt", ["Maintenance Massage"] = "maintenance_massage" },
        Statuses = new() { ["T"] = "completed" },
        ProviderDisciplines = new() { ["mchen"] = "massage_therapy" },
    };
}
