namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>Everything <see cref="RetentionMetricsBuilder"/> counts for one scope (all clinics or one clinic).</summary>
internal sealed class ScopeAccumulator
{
    public ScopeAccumulator(string clinicId, int completionMonths, int firstTrendOffset, int windowCount, int activeMonths, int followUpDays)
    {
        Recurrence = new RecurrenceAccumulator(followUpDays);
        ClinicId = clinicId;
        Months = new CompletionCell[completionMonths];
        for (var i = 0; i < completionMonths; i++)
        {
            Months[i] = new CompletionCell(windowCount, keepsBreakdowns: i >= firstTrendOffset);
        }

        ActivePatients = new int[activeMonths];
        ActiveStamps = new int[activeMonths];
    }

    public string ClinicId { get; }

    /// <summary>Completion months, oldest first, from the first recurrence month (or trend month) to M.</summary>
    public CompletionCell[] Months { get; }

    /// <summary>Distinct active maintenance patients per month, from the month before the trend to M.</summary>
    public int[] ActivePatients { get; }

    /// <summary>Serial of the last patient counted in each month, so a patient counts once per month.</summary>
    public int[] ActiveStamps { get; }

    /// <summary>The landmark recurrence analysis of the completions of the recurrence months.</summary>
    public RecurrenceAccumulator Recurrence { get; }

    public int DroppedAfterAcute { get; set; }

    public int MaintenanceLapsed { get; set; }

    public int[] IssueCounts { get; } = new int[DataQualityIssueNames.All.Count];

    public List<string>[] IssueExamples { get; } = [.. DataQualityIssueNames.All.Select(_ => new List<string>())];

    /// <summary>Counts a patient as active in a month once, however many visits fall in its window.</summary>
    public void MarkActive(int monthOffset, int patientSerial)
    {
        if (ActiveStamps[monthOffset] != patientSerial)
        {
            ActiveStamps[monthOffset] = patientSerial;
            ActivePatients[monthOffset]++;
        }
    }

    public void Note(DataQualityNote note, int maxExamples)
    {
        var issue = (int)note.Issue;
        IssueCounts[issue]++;
        if (IssueExamples[issue].Count < maxExamples)
        {
            IssueExamples[issue].Add(note.ItemId);
        }
    }
}
