using System.Net;
using Microsoft.Extensions.Logging;

namespace PhysicalTheraPT.Analytics.Cli.Dashboard;

/// <summary>
/// Checks dashboard passwords so that guessing does not pay: after <see cref="MaxFailures"/> failures for
/// a name, or from an address, within <see cref="Window"/>, that name or address is refused for
/// <see cref="Lockout"/>, even with the right password; every check costs one PBKDF2 hash, an unknown
/// name (checked against a dummy hash) as much as a known one, so timing does not tell which names
/// exist; and at most <see cref="ConcurrentChecks"/> hashes run at once, so a flood of guesses cannot
/// take every core. Failures and refusals are logged with the name and address, never the password.
/// </summary>
internal sealed class SignInGuard
{
    public const int MaxFailures = 5;
    public const int ConcurrentChecks = 2;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);

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

    public async Task<SignInOutcome> SignInAsync(string name, string password, IPAddress? address, CancellationToken cancellationToken)
    {
        var nameKey = $"name {name}";
        var addressKey = $"address {address}";
        if (LockedUntil(nameKey, addressKey) is { } until)
        {
            _logger.LogWarning("Dashboard sign-in refused for {Name} from {Address}: locked out after {Failures} failures until {Until:u}.", name, address, MaxFailures, until);
            return new SignInOutcome(null, until);
        }

        bool valid;
        DashboardUser? user;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var known = _users.TryGetValue(name, out var entry);
            user = known ? entry.User : null;
            valid = _verify(password, known ? entry.Hash.Value : DummyHash.Value) && known;
        }
        finally
        {
            _gate.Release();
        }

        if (valid)
        {
            return new SignInOutcome(user, null);
        }

        var lockedUntil = RecordFailure(nameKey, addressKey);
        _logger.LogWarning("Dashboard sign-in failed for {Name} from {Address}{Lockout}.", name, address,
            lockedUntil is { } at ? $"; locked out until {at:u} after {MaxFailures} failures" : "");
        return new SignInOutcome(null, null);
    }

    private DateTimeOffset? LockedUntil(string nameKey, string addressKey)
    {
        var now = _time.GetUtcNow();
        lock (_failuresLock)
        {
            var until = new[] { nameKey, addressKey }
                .Select(key => _failures.GetValueOrDefault(key)?.LockedUntil)
                .Where(at => at > now)
                .Max();
            return until;
        }
    }

    private DateTimeOffset? RecordFailure(string nameKey, string addressKey)
    {
        var now = _time.GetUtcNow();
        DateTimeOffset? lockedUntil = null;
        lock (_failuresLock)
        {
            foreach (var key in new[] { nameKey, addressKey })
            {
                if (!_failures.TryGetValue(key, out var failures))
                {
                    ForgetOldest(now);
                    _failures[key] = failures = new Failures();
                }

                failures.Times.RemoveAll(at => now - at >= Window);
                failures.Times.Add(now);
                if (failures.Times.Count >= MaxFailures)
                {
                    failures.LockedUntil = now + Lockout;
                    failures.Times.Clear();
                    lockedUntil = failures.LockedUntil;
                }
            }
        }

        return lockedUntil;
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

        if (_failures.Count >= MaxTracked)
        {
            _failures.Remove(_failures.MinBy(pair => pair.Value.Times.LastOrDefault()).Key);
        }
    }

    /// <summary>What a sign-in came to: the user, or a refusal, locked out until a time or not.</summary>
    internal sealed record SignInOutcome(DashboardUser? User, DateTimeOffset? LockedUntil);

    private sealed class Failures
    {
        public List<DateTimeOffset> Times { get; } = [];

        public DateTimeOffset? LockedUntil { get; set; }

        public bool IsStale(DateTimeOffset now) => !(LockedUntil > now) && Times.All(at => now - at >= Window);
    }
}
