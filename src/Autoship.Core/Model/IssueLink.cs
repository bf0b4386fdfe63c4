namespace Autoship.Core;

/// <summary>Where an issue another issue depends on stands, as the forge says.</summary>
public enum IssueLinkState
{
    /// <summary>The forge did not say (the issue is missing, or we could not read it): treated as still blocking.</summary>
    Unknown = 0,
    Open = 1,

    /// <summary>Closed as done: it no longer blocks.</summary>
    Completed = 2,

    /// <summary>Closed as not planned (or a duplicate): reported, never treated as done.</summary>
    NotPlanned = 3,
}

/// <summary>An issue that blocks another one, and its state when observed.</summary>
public sealed record IssueLink(int Number, IssueLinkState State)
{
    /// <summary>The blocker's repository (<c>owner/name</c>) when it is in another one; null for this repository.</summary>
    public string? Repository { get; init; }

    /// <summary>How a reason names it: <c>#41</c>, or <c>owner/name#41</c> in another repository.</summary>
    public string Display => Repository is null ? $"#{Number}" : $"{Repository}#{Number}";
}
