using System.Net;
using Microsoft.Extensions.Logging;

namespace PhysicalTheraPT.Analytics.Cli.Dashboard;

/// <summary>
/// Checks dashboard passwords so that guessing does not pay: at most <see cref="MaxFailures"/> attempts
/// for a name, or from an address, may be in flight or failed within <see cref="Window"/> (an attempt
/// counts as pending from before its hash, so parallel guesses cannot slip past the count); further
/// attempts are refused at once, without a hash, and after <see cref="MaxFailures"/> failures that name
/// or address is refused for <see cref="Lockout"/>, even with the right password. Every check costs one
/// PBKDF2 hash, an unknown name (checked against a dummy hash) as much as a known one, so timing does not
/// tell which names exist; at most <see cref="ConcurrentChecks"/> hashes run at once and at most
/// <see cref="MaxWaiting"/> attempts wait for one, so a flood of guesses cannot take every core or queue
/// without bound. A name longer than <see cref="MaxNameLength"/> is refused before it is tracked, as a
/// failure of the address. Failures and refusals are logged with the name (its first
/// <see cref="LoggedNameLength"/> characters) and address, never the password.
/// </summary>
internal sealed class SignInGuard
{
    public const int MaxFailures = 5;
    public const int ConcurrentChecks = 2;
    public const int MaxWaiting = 8;
    public const int MaxNameLength = 256;
    public const int LoggedNameLength = 64;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);

    // Attempts in flight end within seconds; a refused client may try again after that.
    public static readonly TimeSpan BusyRetry = TimeSpan.FromSeconds(5);

    // Enough to remember every name and address of a real attack's window, few enough that a flood of
    // made-up names cannot grow memory without bound: past it, the oldest entries go first.
    private const int MaxTracked = 10_000;

    // A hash no password matches, made once, so an unknown name costs one hash check like a known one.
    private static readonly Lazy<string> DummyHash = new(() => DashboardPassword.Hash(Guid.NewGuid().ToString("N")));

    private readonly Dictionary<string, (DashboardUser User, Lazy<string> Hash)> _users;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<string, string, bool> _verify;
    private readonly SemaphoreSlim _gate = new(ConcurrentChecks, ConcurrentChecks);
    private readonly Dictionary<string, Failures> _failures = new(StringComparer.Ordinal);
    private readonly Lock _failuresLock = new();
    private int _waiting;

    /// <param name="verify">Checks a password against a hash; <see cref="DashboardPassword.Verify"/> unless a test counts the checks.</param>
    public SignInGuard(IEnumerable<DashboardUser> users, TimeProvider time, ILogger logger, Func<string, string, bool>? verify = null)
    {
        // A plain-text password is hashed (once, when first needed) so that it costs what the others cost.
        _users = users.ToDictionary(
            user => user.Name,
            user => (user, new Lazy<string>(() => user.PasswordHash is { Length: > 0 } hash ? hash : DashboardPassword.Hash(user.Password ?? ""))),
            StringComparer.Ordinal);
        _time = time;
        _logger = logger;
        _verify = verify ?? DashboardPassword.Verify;
    }

    /// <summary>How many names and addresses the failure table holds (for tests).</summary>
    internal int Tracked
    {
        get
        {
            lock (_failuresLock)
            {
                return _failures.Count;
            }
        }
    }

    public async Task<SignInOutcome> SignInAsync(string name, string password, IPAddress? address, CancellationToken cancellationToken)
    {
        var addressKey = $"address {address}";
        if (name.Length > MaxNameLength)
        {
            return RefuseLongName(name, addressKey, address);
        }

        string[] keys = [$"name {name}", addressKey];
        if (Admit(keys) is { } refusal)
        {
            _logger.LogWarning("Dashboard sign-in refused for {Name} from {Address}: {Reason} until {Until:u}.", Shown(name), address,
                refusal.Busy ? $"more than {MaxWaiting} attempts waiting" : $"{MaxFailures} attempts failed or in flight", refusal.RefusedUntil);
            return refusal;
        }

        DateTimeOffset? lockedBeforeCheck = null;
        DateTimeOffset? lockedAfterFailure = null;
        DashboardUser? user = null;
        var failed = false;
        try
        {
            try
            {
                await _gate.WaitAsync(cancellationToken);
            }
            finally
            {
                lock (_failuresLock)
                {
                    _waiting--;
                }
            }

            try
            {
                // Failures of other attempts, recorded while this one waited, may have locked it out.
                lockedBeforeCheck = LockedUntil(keys);
                if (lockedBeforeCheck is null)
                {
                    var known = _users.TryGetValue(name, out var entry);
                    failed = !(_verify(password, known ? entry.Hash.Value : DummyHash.Value) && known);
                    user = failed ? null : entry.User;
                }
            }
            finally
            {
                _gate.Release();
            }
        }
        finally
        {
            lockedAfterFailure = Settle(keys, failed);
        }

        if (lockedBeforeCheck is { } until)
        {
            _logger.LogWarning("Dashboard sign-in refused for {Name} from {Address}: locked out after {Failures} failures until {Until:u}.", Shown(name), address, MaxFailures, until);
            return new SignInOutcome(null, until);
        }

        if (!failed)
        {
            return new SignInOutcome(user, null);
        }

        _logger.LogWarning("Dashboard sign-in failed for {Name} from {Address}{Lockout}.", Shown(name), address,
            lockedAfterFailure is { } at ? $"; locked out until {at:u} after {MaxFailures} failures" : "");
        return new SignInOutcome(null, null);
    }

    /// <summary>Counts the attempt as pending for its name and address, or says why it is refused.</summary>
    private SignInOutcome? Admit(string[] keys)
    {
        var now = _time.GetUtcNow();
        lock (_failuresLock)
        {
            if (RefusedUntil(keys, now) is { } until)
            {
                return new SignInOutcome(null, until);
            }

            if (_waiting >= MaxWaiting)
            {
                return new SignInOutcome(null, now + BusyRetry, Busy: true);
            }

            foreach (var key in keys)
            {
                Entry(key, now).Pending++;
            }

            _waiting++;
            return null;
        }
    }

    /// <summary>Ends a pending attempt; a failed one becomes a failure in the same step, so no gap lets a sixth in.</summary>
    private DateTimeOffset? Settle(string[] keys, bool failed)
    {
        var now = _time.GetUtcNow();
        DateTimeOffset? lockedUntil = null;
        lock (_failuresLock)
        {
            foreach (var key in keys)
            {
                var failures = Entry(key, now);
                failures.Pending--;
                if (failed && AddFailure(failures, now) is { } until)
                {
                    lockedUntil = until;
                }
            }
        }

        return lockedUntil;
    }

    /// <summary>A name no user has, sent long to grow the table or the log: a failure of the address, not tracked itself.</summary>
    private SignInOutcome RefuseLongName(string name, string addressKey, IPAddress? address)
    {
        var now = _time.GetUtcNow();
        DateTimeOffset? refusedUntil;
        lock (_failuresLock)
        {
            refusedUntil = RefusedUntil([addressKey], now);
            if (refusedUntil is null)
            {
                AddFailure(Entry(addressKey, now), now);
            }
        }

        _logger.LogWarning("Dashboard sign-in refused for a name of {Length} characters (over {Max}) starting {Name} from {Address}.",
            name.Length, MaxNameLength, Shown(name), address);
        return new SignInOutcome(null, refusedUntil);
    }

    private DateTimeOffset? LockedUntil(string[] keys)
    {
        var now = _time.GetUtcNow();
        lock (_failuresLock)
        {
            return keys.Select(key => _failures.GetValueOrDefault(key)?.LockedUntil).Where(at => at > now).Max();
        }
    }

    // Under the lock: locked out until a time, or at the limit of attempts failed or in flight for a moment.
    private DateTimeOffset? RefusedUntil(string[] keys, DateTimeOffset now)
    {
        var entries = keys.Select(key => _failures.GetValueOrDefault(key)).OfType<Failures>().ToList();
        return entries.Select(failures => failures.LockedUntil).Where(at => at > now).Max()
            ?? (entries.Any(failures => failures.Counted(now) >= MaxFailures) ? now + BusyRetry : null);
    }

    // Under the lock.
    private static DateTimeOffset? AddFailure(Failures failures, DateTimeOffset now)
    {
        failures.Times.RemoveAll(at => now - at >= Window);
        failures.Times.Add(now);
        if (failures.Times.Count < MaxFailures)
        {
            return null;
        }

        failures.LockedUntil = now + Lockout;
        failures.Times.Clear();
        return failures.LockedUntil;
    }

    // Under the lock.
    private Failures Entry(string key, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var failures))
        {
            ForgetOldest(now);
            _failures[key] = failures = new Failures();
        }

        return failures;
    }

    private void ForgetOldest(DateTimeOffset now)
    {
        if (_failures.Count < MaxTracked)
        {
            return;
        }

        foreach (var stale in _failures.Where(pair => pair.Value.IsStale(now)).Select(pair => pair.Key).ToList())
        {
            _failures.Remove(stale);
        }

        // An entry with attempts in flight stays: its count must still be there when they settle.
        if (_failures.Count >= MaxTracked && _failures.Where(pair => pair.Value.Pending == 0).MinBy(pair => pair.Value.Times.LastOrDefault()) is { Key: { } oldest })
        {
            _failures.Remove(oldest);
        }
    }

    private static string Shown(string name) => name.Length <= LoggedNameLength ? name : $"{name[..LoggedNameLength]}…";

    /// <summary>What a sign-in came to: the user, or a refusal, until a time (429) or, when <paramref name="Busy"/>, for a moment (503).</summary>
    internal sealed record SignInOutcome(DashboardUser? User, DateTimeOffset? RefusedUntil, bool Busy = false);

    private sealed class Failures
    {
        public List<DateTimeOffset> Times { get; } = [];

        public DateTimeOffset? LockedUntil { get; set; }

        public int Pending { get; set; }

        public int Counted(DateTimeOffset now) => Pending + Times.Count(at => now - at < Window);

        public bool IsStale(DateTimeOffset now) => Pending == 0 && !(LockedUntil > now) && Times.All(at => now - at >= Window);
    }
}
