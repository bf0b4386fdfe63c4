namespace Autoship.Forge.Local;

/// <summary>A comment on an issue or pull request of the local forge.</summary>
public sealed record LocalComment(long Id, string Author, string Body, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
