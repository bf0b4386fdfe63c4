namespace Autoship.Core.Planning;

/// <summary>One item waiting for a slot (or, for the merge queue, a pull request waiting to merge): what orders it.</summary>
public sealed record QueueEntry(int Number, int Priority, string PriorityName, Lane Lane, DateTimeOffset WaitingSince);

/// <summary>An entry's place in the order (1-based) and whether it was promoted for having waited too long.</summary>
public sealed record QueuePlace(QueueEntry Entry, int Position, bool Promoted);
