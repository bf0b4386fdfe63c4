using Autoship.Core.Config;

namespace Autoship.Core;

/// <summary>
/// The frozen instructions for one attempt: the issue, its lane, the owning and reviewing agents, what the
/// agent may touch, the guardrails, the validation command and the deadline.
/// </summary>
public sealed record WorkOrder(
    string Repository,
    int Issue,
    string Title,
    string Body,
    string Area,
    string Risk,
    Lane Lane,
    string Owner,
    string Reviewer,
    string? ReviewerLogin,
    IReadOnlyList<string> AllowedPaths,
    Guardrails Guardrails,
    IReadOnlyList<string> Never,
    string ValidationCommand,
    int Attempt,
    DateTimeOffset IssuedAt,
    DateTimeOffset Deadline)
{
    /// <summary>The branch this attempt pushes: <c>autoship/&lt;issue&gt;-&lt;slug&gt;</c>.</summary>
    public string Branch => BranchNames.For(Issue, Title);

    /// <summary>
    /// What went wrong with the previous attempt when this one continues on the same branch (fix forward); empty for
    /// a fresh start. Not written into the PR body (it holds CI output and comments, which the PR already shows).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<FixFeedback> Feedback { get; init; } = [];

    /// <summary>A short stable identifier written in the commit trailer <c>Autoship-Work-Order:</c>.</summary>
    public string Id => $"{Repository}#{Issue}/a{Attempt}";
}
