using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Benchmarks.Retention;

/// <summary>
/// Deterministic clinic-like histories held in memory, so the benchmark measures the rules alone: one
/// or two episodes of 4-13 acute visits (most linked to a recorded episode, some covered by dates, some
/// without any), maintenance every 3-7 weeks for some, a few cancellations and future bookings.
/// </summary>
internal static class SyntheticHistories
{
    public static readonly DateOnly AsOf = new(2025, 10, 1);

    public static readonly string[] Clinics = [.. Enumerable.Range(0, 50).Select(i => $"c{i:D2}")];

    /// <summary>Ten providers per clinic, as in a real group: provider i works at clinic i / 10.</summary>
    public static readonly Dictionary<string, string> ProviderNames =
        Enumerable.Range(0, Clinics.Length * 10).ToDictionary(i => $"pr{i:D3}", i => $"Provider {i}");

    public static PatientHistory[] Create(int patients, bool doNotContact, int seed = 1)
    {
        var random = new Random(seed);
        var providers = ProviderNames.Keys.Order(StringComparer.Ordinal).ToArray();
        var histories = new PatientHistory[patients];
        for (var p = 0; p < patients; p++)
        {
            var history = new PatientHistory();
            var clinicIndex = random.Next(Clinics.Length);
            var clinic = Clinics[clinicIndex];
            // Draw every time, so the data are the same with and without doNotContact.
            var refusedContact = random.NextDouble() < 0.03;
            history.Reset($"p{p:D6}", clinic, doNotContact || refusedContact);
            var appointments = new List<PatientAppointment>();
            var date = AsOf.AddDays(-random.Next(30, 1100));
            for (var e = random.Next(1, 3); e > 0; e--)
            {
                var episodeId = $"p{p:D6}-e{e}";
                var recorded = random.NextDouble() < 0.8;
                var start = date;
                for (var v = random.Next(4, 14); v > 0; v--)
                {
                    var status = date >= AsOf ? AppointmentStatus.Booked : random.NextDouble() < 0.92 ? AppointmentStatus.Completed : AppointmentStatus.Cancelled;
                    appointments.Add(new PatientAppointment($"a{p:D6}-{appointments.Count}", date, ServiceKind.PhysicalTherapy, status, clinic,
                        providers[(clinicIndex * 10) + random.Next(10)], recorded && random.NextDouble() < 0.7 ? episodeId : null));
                    date = date.AddDays(random.Next(2, 8));
                }

                if (recorded)
                {
                    history.Episodes.Add(new PatientEpisode(episodeId, clinic, start, random.NextDouble() < 0.6 ? date : null,
                        random.NextDouble() < 0.5 ? "goals_met" : null, "lumbar", "physician", null));
                }

                date = date.AddDays(random.Next(3, 40));
                for (var m = random.Next(0, 12); m > 0; m--)
                {
                    var status = date >= AsOf ? AppointmentStatus.Booked : AppointmentStatus.Completed;
                    appointments.Add(new PatientAppointment($"a{p:D6}-{appointments.Count}", date, ServiceKind.MaintenanceMassage, status, clinic, "pr000", null));
                    date = date.AddDays(random.Next(20, 50));
                }

                date = date.AddDays(random.Next(30, 200));
            }

            history.Episodes.Sort((a, b) => a.StartedOn.CompareTo(b.StartedOn));
            history.Appointments.AddRange(appointments.OrderBy(a => a.Date));
            histories[p] = history;
        }

        return histories;
    }
}
