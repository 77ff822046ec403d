namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>
/// Counts for the recurrence analysis of one scope: per end type (and all together) and group, the
/// patients whose new episode, or censoring, fell on each day since E. Memory grows with the days
/// followed and the end types, never with the patients.
/// </summary>
internal sealed class RecurrenceAccumulator
{
    public const int ConvertedGroup = 0;
    public const int NotConvertedGroup = 1;

    private readonly int followUpDays;

    public RecurrenceAccumulator(int followUpDays)
    {
        this.followUpDays = followUpDays;
        var sets = AcuteEndTypeNames.All.Count + 1;
        Events = new int[sets][][];
        Censored = new int[sets][][];
        BackWithinLandmark = new int[sets];
        for (var set = 0; set < sets; set++)
        {
            Events[set] = [new int[followUpDays + 1], new int[followUpDays + 1]];
            Censored[set] = [new int[followUpDays + 1], new int[followUpDays + 1]];
        }
    }

    /// <summary>Index of the set holding every end type together; end type e is set (int)e.</summary>
    public static int AllSet => AcuteEndTypeNames.All.Count;

    /// <summary>[set][group][day]: new episodes on that day since E.</summary>
    public int[][][] Events { get; }

    /// <summary>[set][group][day]: patients followed up to that day without a new episode.</summary>
    public int[][][] Censored { get; }

    /// <summary>[set]: completions with a new episode within the landmark.</summary>
    public int[] BackWithinLandmark { get; }

    public void AddBackWithinLandmark(AcuteEndType endType)
    {
        BackWithinLandmark[AllSet]++;
        BackWithinLandmark[(int)endType]++;
    }

    public void Add(AcuteEndType endType, int group, int day, bool newEpisode)
    {
        var counts = newEpisode ? Events : Censored;
        var clamped = Math.Min(day, followUpDays);
        counts[AllSet][group][clamped]++;
        counts[(int)endType][group][clamped]++;
    }
}
