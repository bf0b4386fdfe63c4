namespace Autoship.Core.Planning;

/// <summary>The job running an item's work order, as its Autoship comment shows it: id, executor and deadline.</summary>
public sealed record JobNote(string Id, string Executor, DateTimeOffset Deadline);
