namespace PhysicalTheraPT.Analytics.Sources.OpenEmr;

/// <summary>
/// What an OpenEMR appointment status (<c>pc_apptstatus</c>, a code of the clinic's list 'apptstat')
/// means in the contract: booked, completed, cancelled or no_show. The stock codes have defaults; a
/// source's <c>Statuses</c> overrides them and maps the codes a clinic added. A code that is neither is
/// refused with the setting that would fix it: guessing would count visits that did not happen.
/// </summary>
internal sealed class OpenEmrStatuses
{
    /// <summary>
    /// The stock list of OpenEMR 8 (sql/database.sql). A status that says where the patient is in the visit
    /// (arrived, in the exam room, checked out, coded) is a visit; one that prepares a visit (reminder,
    /// chart pulled, confirmed, pending, an insurance question) is still a booking, so a past one is
    /// listed under data quality until the front desk marks what happened. "Left without visit" is a
    /// no-show: the patient was not treated and did not cancel.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Defaults = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["-"] = "booked",
        ["*"] = "booked",
        ["+"] = "booked",
        ["x"] = "cancelled",
        ["%"] = "cancelled",
        ["?"] = "no_show",
        ["@"] = "completed",
        ["~"] = "completed",
        ["!"] = "no_show",
        ["#"] = "booked",
        ["<"] = "completed",
        [">"] = "completed",
        ["$"] = "completed",
        ["^"] = "booked",
        ["AVM"] = "booked",
        ["SMS"] = "booked",
        ["EMAIL"] = "booked",
        ["CALL"] = "booked",
    };

    private static readonly string[] ContractStatuses = ["booked", "completed", "cancelled", "no_show"];

    private readonly Dictionary<string, string> _statuses;
    private readonly string _setting;
    private readonly Dictionary<string, string> _titles = new(StringComparer.Ordinal);

    /// <param name="configured">The source's <c>Statuses</c>: OpenEMR code → contract status.</param>
    /// <param name="setting">Where the setting lives, for messages, e.g. <c>Sources:0:Statuses</c>.</param>
    public OpenEmrStatuses(IReadOnlyDictionary<string, string> configured, string setting)
    {
        _setting = setting;
        _statuses = new Dictionary<string, string>(Defaults, StringComparer.Ordinal);
        foreach (var (code, status) in configured)
        {
            var contract = ContractStatuses.FirstOrDefault(name => string.Equals(name, status?.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new UserInputException(
                    $"{setting}:{code} is not one of {string.Join(", ", ContractStatuses)}. Set it to what an appointment "
                    + "with this OpenEMR status means.");
            _statuses[code.Trim()] = contract;
        }
    }

    /// <summary>
    /// Checks the clinic's list 'apptstat' (its active codes and their titles) before anything is read, so
    /// a code added in OpenEMR fails the sync at once, with every missing code in one message.
    /// </summary>
    public void CheckList(IEnumerable<(string Code, string Title)> activeCodes)
    {
        foreach (var (code, title) in activeCodes)
        {
            _titles[code] = title;
        }

        var missing = _titles.Keys.Where(code => !_statuses.ContainsKey(code)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw Unmapped(missing);
        }
    }

    /// <summary>The contract status of <paramref name="code"/>; an unmapped code throws.</summary>
    public string Map(string code) =>
        _statuses.TryGetValue(code, out var status) ? status : throw Unmapped([code]);

    private UserInputException Unmapped(IReadOnlyList<string> codes)
    {
        var described = codes.Select(code => _titles.TryGetValue(code, out var title) ? $"'{code}' ({title})" : $"'{code}'");
        return new UserInputException(
            $"OpenEMR appointment status {string.Join(", ", described)} has no meaning here: it is not one of OpenEMR's "
            + $"stock codes and {_setting} does not map it. Add it to the source's settings, e.g. "
            + $"\"Statuses\": {{ \"{codes[0]}\": \"completed\" }} (one of {string.Join(", ", ContractStatuses)}), then sync again.");
    }
}
