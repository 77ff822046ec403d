using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Files;

namespace PhysicalTheraPT.Analytics.Outreach.WorkedLists;

/// <summary>
/// The inbox for worked lists: every file dropped into the folder is imported with
/// <see cref="OutreachListImporter"/> (the same checks and rules as <c>outreach import</c>) and moved to
/// <c>imported/</c>, or to <c>rejected/</c> with <c>&lt;name&gt;.problems.txt</c> beside it saying what to
/// fix. A file still being copied is left for the next run: one whose size or time changed between two
/// looks <see cref="OutreachOptions.InboxSettleTime"/> apart, one another program holds open, or one a
/// spreadsheet program has open (its lock file lies beside it). A list dropped again records nothing
/// twice: the importer skips outcomes already recorded. Each file handled is kept in
/// <see cref="InboxHistory"/>.
/// </summary>
internal sealed class OutreachInbox
{
    public const string ImportedFolder = "imported";

    public const string RejectedFolder = "rejected";

    public const string ProblemsSuffix = ".problems.txt";

    private readonly OutreachListImporter _importer;
    private readonly InboxHistory _history;
    private readonly TimeProvider _time;
    private readonly Func<CancellationToken, Task> _betweenLooks;

    public OutreachInbox(OutreachListImporter importer, InboxHistory history, IOptions<OutreachOptions> options, TimeProvider time)
        : this(importer, history, time, cancellationToken => Task.Delay(options.Value.InboxSettleTime, time, cancellationToken))
    {
    }

    /// <param name="betweenLooks">Waits between the two looks at the files (tests let a copy go on here).</param>
    internal OutreachInbox(OutreachListImporter importer, InboxHistory history, TimeProvider time, Func<CancellationToken, Task> betweenLooks)
    {
        _importer = importer;
        _history = history;
        _time = time;
        _betweenLooks = betweenLooks;
    }

    public async Task<InboxRun> ImportAsync(string inboxDirectory, CancellationToken cancellationToken)
    {
        var inbox = Path.GetFullPath(inboxDirectory);
        FileModes.CreateFolder(inbox);
        var names = Directory.EnumerateFiles(inbox).Select(Path.GetFileName).OfType<string>().ToList();
        var candidates = names.Where(name => !IsLockOrTemporary(name) && !IsOpenInASpreadsheet(name, names)).ToList();
        var left = names.Count(name => !IsLockOrTemporary(name)) - candidates.Count;
        if (candidates.Count == 0)
        {
            return new InboxRun([], left);
        }

        var firstLook = candidates.ToDictionary(name => name, name => Look(Path.Combine(inbox, name)));
        await _betweenLooks(cancellationToken);
        var settled = candidates.Where(name => Look(Path.Combine(inbox, name)) is { } now && now == firstLook[name] && CanOpenAlone(Path.Combine(inbox, name))).ToList();
        left += candidates.Count - settled.Count;

        var handled = new List<InboxEntry>();
        var results = await _importer.ImportAsync([.. settled.Select(name => Path.Combine(inbox, name))], cancellationToken);
        foreach (var result in results)
        {
            if (result.RefusedByDatabase)
            {
                left++;
                continue;
            }

            var entry = Move(inbox, result);
            if (entry is not null)
            {
                await _history.RecordAsync(entry, CancellationToken.None);
                handled.Add(entry);
            }
        }

        return new InboxRun(handled, left);
    }

    /// <summary>Moves the file to imported/ or rejected/ (with its problems beside it); null when it vanished meanwhile.</summary>
    private InboxEntry? Move(string inbox, OutreachImportFile result)
    {
        var name = Path.GetFileName(result.File);
        var folder = Path.Combine(inbox, result.Accepted ? ImportedFolder : RejectedFolder);
        FileModes.CreateFolder(folder);
        var target = FreeName(folder, name);
        if (!result.Accepted)
        {
            // The problems first: a rejected file never lies in rejected/ without them.
            AtomicFile.Write(target + ProblemsSuffix, FilePrivacy.Shared, Encoding.UTF8.GetBytes(ProblemsText(name, inbox, result)));
        }

        try
        {
            File.Move(result.File, target);
        }
        catch (FileNotFoundException)
        {
            File.Delete(target + ProblemsSuffix);
            return null;
        }

        return new InboxEntry
        {
            ClinicId = result.ClinicId,
            FileName = name,
            ListAsOf = result.AsOf,
            Status = result.Accepted ? InboxEntry.Imported : InboxEntry.Rejected,
            HandledAt = _time.GetUtcNow().UtcDateTime,
            Recorded = result.RecordedCount,
            AlreadyRecorded = result.AlreadyRecorded,
            Problems = result.Problems.Count,
            Summary = Cut(result.Accepted ? Summary(result) : Where(result.Problems[0]) + result.Problems[0].Reason + More(result.Problems.Count - 1)),
            MovedTo = target,
        };
    }

    /// <summary>What <c>&lt;name&gt;.problems.txt</c> says: what happened, each problem with its place, and what to do next.</summary>
    internal static string ProblemsText(string name, string inbox, OutreachImportFile result)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{name} was not imported: nothing from it was recorded.\n");
        text.Append(CultureInfo.InvariantCulture, $"Fix the {(result.Problems.Count == 1 ? "problem" : result.Problems.Count.ToString(CultureInfo.InvariantCulture) + " problems")} below in the file, save it, and drop it into the inbox again:\n{inbox}\n\n");
        foreach (var problem in result.Problems)
        {
            text.Append("- ").Append(Where(problem)).Append(problem.Reason).Append('\n');
        }

        return text.ToString();
    }

    private static string Summary(OutreachImportFile result)
    {
        var summary = string.Create(CultureInfo.InvariantCulture, $"{result.RecordedCount} outcome(s) recorded");
        return result.AlreadyRecorded > 0 ? summary + string.Create(CultureInfo.InvariantCulture, $", {result.AlreadyRecorded} already recorded before") : summary;
    }

    private static string Where(OutreachImportProblem problem) =>
        (problem.Sheet, problem.Row) switch
        {
            (_, { } row) => string.Create(CultureInfo.InvariantCulture, $"row {row}: "),
            ({ } sheet, null) => $"sheet '{sheet}': ",
            _ => "",
        };

    private static string More(int more) => more == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $" (and {more} more problem(s))");

    private static string Cut(string text) => text.Length <= 1000 ? text : text[..997] + "...";

    /// <summary>Size and last write time: what changes while a copy goes on. Null when the file is gone.</summary>
    private static (long Length, DateTime Written)? Look(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? (file.Length, file.LastWriteTimeUtc) : null;
    }

    /// <summary>False while another program has the file open for writing (it still copies or saves it).</summary>
    private static bool CanOpenAlone(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Excel's <c>~$name</c>, LibreOffice's <c>.~lock.name#</c>, and other hidden or partial files: never imported.</summary>
    private static bool IsLockOrTemporary(string name) =>
        name.StartsWith('.') || name.StartsWith("~$", StringComparison.Ordinal) || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".part", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".crdownload", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when Excel or LibreOffice has the file open in the inbox itself: someone is still working on it.</summary>
    private static bool IsOpenInASpreadsheet(string name, List<string> names) =>
        names.Contains("~$" + name, StringComparer.Ordinal) || (name.Length > 2 && names.Contains("~$" + name[2..], StringComparer.Ordinal))
        || names.Contains(".~lock." + name + "#", StringComparer.Ordinal);

    /// <summary>The name in the folder, or <c>name (2).xlsx</c>, <c>name (3).xlsx</c> … when a file of that name lies there already.</summary>
    private static string FreeName(string folder, string name)
    {
        var target = Path.Combine(folder, name);
        for (var copy = 2; File.Exists(target) || File.Exists(target + ProblemsSuffix); copy++)
        {
            target = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileNameWithoutExtension(name)} ({copy}){Path.GetExtension(name)}"));
        }

        return target;
    }
}

/// <summary>What one run of the inbox did: the files it handled, and how many it left for the next run.</summary>
internal sealed record InboxRun(IReadOnlyList<InboxEntry> Files, int LeftForNextRun)
{
    public int Imported => Files.Count(file => file.Status == InboxEntry.Imported);

    public int Rejected => Files.Count(file => file.Status == InboxEntry.Rejected);

    public int Recorded => Files.Sum(file => file.Recorded);
}
