namespace FamilyServices.Tests.Infrastructure;

/// <summary>A clock a test sets and moves, so time-dependent rules (publication windows) are tested without waiting.</summary>
public sealed class PinnedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
