using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PhysicalTheraPT.Analytics.Cli.Dashboard;

namespace PhysicalTheraPT.Analytics.Tests.Cli.Dashboard;

/// <summary>Guessing dashboard passwords does not pay: lockout, equal cost for unknown names, a gate on hash checks.</summary>
public sealed class SignInGuardTests
{
    private static readonly IPAddress Address = IPAddress.Parse("192.0.2.10");
    private static readonly IPAddress OtherAddress = IPAddress.Parse("192.0.2.20");

    // Counts the hash checks; a check is the real comparison, made cheap: the hash is the password itself.
    private readonly List<string> _checkedHashes = [];
    private readonly RecordingLogger _log = new();

    [Fact]
    public async Task SignIn_RefusesTheRightPasswordWithoutAHashCheck_AfterFiveFailuresForTheName()
    {
        // Arrange
        var (guard, _) = Guard();
        for (var attempt = 0; attempt < SignInGuard.MaxFailures; attempt++)
        {
            await guard.SignInAsync("ops", $"guess {attempt}", attempt % 2 == 0 ? Address : OtherAddress, CancellationToken.None);
        }

        // Act
        var outcome = await guard.SignInAsync("ops", "right", IPAddress.Loopback, CancellationToken.None);

        // Assert
        Assert.Null(outcome.User);
        Assert.NotNull(outcome.RefusedUntil);
        Assert.Equal(SignInGuard.MaxFailures, _checkedHashes.Count);
        Assert.Contains(_log.Lines, line => line.Contains("refused for ops", StringComparison.Ordinal));
        Assert.DoesNotContain(_log.Lines, line => line.Contains("guess", StringComparison.Ordinal) || line.Contains("right", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_RefusesEveryName_AfterFiveFailuresFromTheAddress()
    {
        // Arrange
        var (guard, _) = Guard();
        for (var attempt = 0; attempt < SignInGuard.MaxFailures; attempt++)
        {
            await guard.SignInAsync($"name-{attempt}", "guess", Address, CancellationToken.None);
        }

        // Act
        var fromThere = await guard.SignInAsync("ops", "right", Address, CancellationToken.None);
        var fromElsewhere = await guard.SignInAsync("ops", "right", OtherAddress, CancellationToken.None);

        // Assert
        Assert.NotNull(fromThere.RefusedUntil);
        Assert.Equal("ops", fromElsewhere.User?.Name);
    }

    [Fact]
    public async Task SignIn_LetsTheRightPasswordIn_FifteenMinutesAfterTheLockout()
    {
        // Arrange
        var (guard, time) = Guard();
        for (var attempt = 0; attempt < SignInGuard.MaxFailures; attempt++)
        {
            await guard.SignInAsync("ops", "guess", Address, CancellationToken.None);
        }

        time.Advance(SignInGuard.Lockout - TimeSpan.FromSeconds(1));
        var stillLocked = await guard.SignInAsync("ops", "right", Address, CancellationToken.None);

        // Act
        time.Advance(TimeSpan.FromSeconds(1));
        var afterwards = await guard.SignInAsync("ops", "right", Address, CancellationToken.None);

        // Assert
        Assert.NotNull(stillLocked.RefusedUntil);
        Assert.Equal("ops", afterwards.User?.Name);
    }

    [Fact]
    public async Task SignIn_DoesNotLockOut_WhenFailuresAreFurtherApartThanTheWindow()
    {
        // Arrange
        var (guard, time) = Guard();
        for (var attempt = 0; attempt < SignInGuard.MaxFailures; attempt++)
        {
            await guard.SignInAsync("ops", "guess", Address, CancellationToken.None);
            time.Advance(SignInGuard.Window / (SignInGuard.MaxFailures - 1));
        }

        // Act
        var outcome = await guard.SignInAsync("ops", "right", Address, CancellationToken.None);

        // Assert
        Assert.Equal("ops", outcome.User?.Name);
    }

    [Fact]
    public async Task SignIn_ChecksOneHashForAnUnknownName_AsForAKnownOne()
    {
        // Arrange
        var (guard, _) = Guard();

        // Act
        await guard.SignInAsync("ops", "wrong", Address, CancellationToken.None);
        var afterKnown = _checkedHashes.Count;
        await guard.SignInAsync("nobody", "wrong", OtherAddress, CancellationToken.None);

        // Assert
        Assert.Equal(1, afterKnown);
        Assert.Equal(2, _checkedHashes.Count);
        Assert.StartsWith("pbkdf2-sha256$600000$", _checkedHashes[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_RunsAtMostTwoHashChecksAtOnce()
    {
        // Arrange: each check waits until released, so the ones admitted pile up.
        var running = 0;
        var mostAtOnce = 0;
        using var release = new ManualResetEventSlim();
        var guard = new SignInGuard([User()], TimeProvider.System, NullLogger.Instance, (password, hash) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref mostAtOnce, now);
            release.Wait(TimeSpan.FromSeconds(5));
            Interlocked.Decrement(ref running);
            return password == hash;
        });

        // Act
        var attempts = Enumerable.Range(0, 6)
            .Select(index => Task.Run(() => guard.SignInAsync("ops", "guess", IPAddress.Parse($"192.0.2.{index + 1}"), CancellationToken.None)))
            .ToList();
        for (var waited = 0; waited < 50 && Volatile.Read(ref running) < SignInGuard.ConcurrentChecks; waited++)
        {
            await Task.Delay(100);
        }

        await Task.Delay(300);
        var atOnceWhileBlocked = Volatile.Read(ref running);
        release.Set();
        await Task.WhenAll(attempts);

        // Assert
        Assert.Equal(SignInGuard.ConcurrentChecks, atOnceWhileBlocked);
        Assert.Equal(SignInGuard.ConcurrentChecks, mostAtOnce);
    }

    [Fact]
    public async Task SignIn_ChecksAtMostFiveHashesAndRefusesTheRestAtOnce_WhenManyAttemptsForANameArriveTogether()
    {
        // Arrange: the first two checks block, so every later attempt arrives while they run.
        using var release = new ManualResetEventSlim();
        var guard = BlockingGuard(release);
        var checking = Enumerable.Range(0, SignInGuard.ConcurrentChecks)
            .Select(index => Task.Run(() => guard.SignInAsync("ops", "guess", Nth(index), CancellationToken.None)))
            .ToList();
        await UntilChecksStarted(SignInGuard.ConcurrentChecks);
        var waiting = new[] { "guess", "guess", "right" }
            .Select((password, index) => guard.SignInAsync("ops", password, Nth(SignInGuard.ConcurrentChecks + index), CancellationToken.None))
            .ToList();

        // Act: each from its own address, so only the name's count can hold them back.
        var flood = Enumerable.Range(SignInGuard.MaxFailures, 995)
            .Select(index => guard.SignInAsync("ops", index % 100 == 0 ? "right" : "guess", Nth(index), CancellationToken.None))
            .ToList();
        var floodAnsweredAtOnce = flood.All(attempt => attempt.IsCompleted);
        release.Set();
        var admitted = await Task.WhenAll(checking.Concat(waiting));

        // Assert
        Assert.True(floodAnsweredAtOnce);
        Assert.All(await Task.WhenAll(flood), outcome => Assert.True(outcome is { User: null, RefusedUntil: not null, Busy: false }));
        Assert.Equal(SignInGuard.MaxFailures, _checkedHashes.Count);
        Assert.Equal("ops", admitted[^1].User?.Name);
    }

    [Fact]
    public async Task SignIn_AnswersBusyWithoutAHashCheck_WhenEightAttemptsAlreadyWaitForOne()
    {
        // Arrange: two checks block, eight more attempts (other names, other addresses) wait for a slot.
        using var release = new ManualResetEventSlim();
        var guard = BlockingGuard(release);
        var checking = Enumerable.Range(0, SignInGuard.ConcurrentChecks)
            .Select(index => Task.Run(() => guard.SignInAsync($"name-{index}", "guess", Nth(index), CancellationToken.None)))
            .ToList();
        await UntilChecksStarted(SignInGuard.ConcurrentChecks);
        var waiting = Enumerable.Range(SignInGuard.ConcurrentChecks, SignInGuard.MaxWaiting)
            .Select(index => guard.SignInAsync($"name-{index}", "guess", Nth(index), CancellationToken.None))
            .ToList();

        // Act
        var oneMore = guard.SignInAsync("ops", "right", Nth(99), CancellationToken.None);
        var answeredAtOnce = oneMore.IsCompleted;
        release.Set();
        await Task.WhenAll(checking.Concat(waiting));
        var outcome = await oneMore;

        // Assert
        Assert.True(answeredAtOnce);
        Assert.True(outcome is { User: null, RefusedUntil: not null, Busy: true });
        Assert.Equal(SignInGuard.ConcurrentChecks + SignInGuard.MaxWaiting, _checkedHashes.Count);
    }

    [Fact]
    public async Task SignIn_RefusesAnOverLongNameWithoutAHashCheckOrTrackingIt_AndCountsItAgainstTheAddress()
    {
        // Arrange
        var (guard, _) = Guard();
        var longName = new string('x', SignInGuard.MaxNameLength + 1);

        // Act
        for (var attempt = 0; attempt < SignInGuard.MaxFailures; attempt++)
        {
            await guard.SignInAsync($"{longName}{attempt}", "secret-pw", Address, CancellationToken.None);
        }

        var fromThere = await guard.SignInAsync("ops", "right", Address, CancellationToken.None);

        // Assert: only the address is tracked, and the log holds a shortened name and no password.
        Assert.Empty(_checkedHashes);
        Assert.Equal(1, guard.Tracked);
        Assert.NotNull(fromThere.RefusedUntil);
        Assert.Contains(_log.Lines, line => line.Contains(longName[..SignInGuard.LoggedNameLength], StringComparison.Ordinal));
        Assert.DoesNotContain(_log.Lines, line => line.Contains(longName[..(SignInGuard.LoggedNameLength + 1)], StringComparison.Ordinal) || line.Contains("secret-pw", StringComparison.Ordinal));
    }

    private static IPAddress Nth(int index) => IPAddress.Parse($"198.51.{index / 256}.{index % 256}");

    // Counts each check, then holds it until released, so later attempts arrive while it runs.
    private SignInGuard BlockingGuard(ManualResetEventSlim release) =>
        new([User()], TimeProvider.System, _log, (password, hash) =>
        {
            lock (_checkedHashes)
            {
                _checkedHashes.Add(hash);
            }

            release.Wait(TimeSpan.FromSeconds(10));
            return password == hash;
        });

    private async Task UntilChecksStarted(int count)
    {
        for (var waited = 0; waited < 100 && CheckCount() < count; waited++)
        {
            await Task.Delay(50);
        }

        int CheckCount()
        {
            lock (_checkedHashes)
            {
                return _checkedHashes.Count;
            }
        }
    }

    private static DashboardUser User() => new() { Name = "ops", Role = "admin", PasswordHash = "right" };

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private (SignInGuard Guard, FakeTimeProvider Time) Guard()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var guard = new SignInGuard([User()], time, _log, (password, hash) =>
        {
            lock (_checkedHashes)
            {
                _checkedHashes.Add(hash);
            }

            return password == hash;
        });
        return (guard, time);
    }

    private sealed class RecordingLogger : Microsoft.Extensions.Logging.ILogger
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines)
            {
                Lines.Add(formatter(state, exception));
            }
        }
    }
}
