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
        Assert.NotNull(outcome.LockedUntil);
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
        Assert.NotNull(fromThere.LockedUntil);
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
        Assert.NotNull(stillLocked.LockedUntil);
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
