namespace Strata.Data.Import;

/// <summary>
/// One value of a yearly indicator series: <paramref name="Name"/> (e.g. <c>rivalry.active</c>) for an actor
/// (monadic, <paramref name="ActorB"/> null) or an ordered pair of actors, in a year. <paramref name="Line"/> is
/// the line of the source file the value comes from (the first of them for a value aggregated over rows; the
/// note then lists the others).
/// </summary>
public sealed record Indicator
{
    public Indicator(string name, string actorA, string? actorB, int year, double value, string? note, long line)
    {
        Name = Check.NotBlank(name);
        ActorA = Check.NotBlank(actorA);
        Check.That(actorB is null || actorB.Length > 0, "must be null or a code");
        ActorB = actorB;
        Year = year;
        Check.That(double.IsFinite(value), "must be a finite number");
        Value = value;
        Note = string.IsNullOrEmpty(note) ? null : note;
        Check.That(line > 0, "must be a line number from 1");
        Line = line;
    }

    public string Name { get; }

    public string ActorA { get; }

    public string? ActorB { get; }

    public int Year { get; }

    public double Value { get; }

    public string? Note { get; }

    public long Line { get; }

    /// <summary>What makes a value unique within a data set.</summary>
    public (string Name, string A, string? B, int Year) Key => (Name, ActorA, ActorB, Year);
}
