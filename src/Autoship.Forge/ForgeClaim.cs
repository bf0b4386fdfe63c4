using System.Globalization;

namespace Autoship.Forge;

/// <summary>
/// An exclusive claim on the forge itself: the git ref <c>refs/autoship/claims/ISSUE/KEY</c> (KEY is the attempt
/// number, or <c>review-SHA</c> for one review of one head), created only if
/// it does not exist yet (a compare-and-set every forge with git refs offers), whose object names the
/// orchestrator that made it. Two orchestrators, whatever stores they use, never both win the same attempt;
/// the winner that was killed recognises its own claim on its next tick (same <see cref="Holder"/>).
/// A claim whose holder is provably dead (or older than the claim timeout) is taken over by creating the next
/// <see cref="Generation"/> (<c>KEY.1</c>, <c>KEY.2</c>, …), again only if it does not exist: the highest generation
/// holds the claim, and two orchestrators taking over the same dead claim race for one ref, so only one wins.
/// </summary>
/// <param name="Holder">A stable orchestrator id (kept in the store, so replicas sharing a store share it).</param>
/// <param name="BaseBranch">The default branch, for forges whose claim object must point at a commit.</param>
public sealed record ForgeClaim(int Issue, string Key, string Holder, string BaseBranch)
{
    public const string RefPrefix = "refs/autoship/claims/";

    /// <summary>0 for the first claim of the key; n for the n-th takeover of a dead or expired claim.</summary>
    public int Generation { get; init; }

    /// <summary>The process that made the claim (<c>host/pid/start/id</c>), so a peer on the same host can prove it dead.</summary>
    public string? Process { get; init; }

    /// <summary>When the claim was made (the claimer's clock), written into the claim object itself.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>
    /// The agent runs inside <see cref="Process"/> (executor inline), not in a detached job: once that process is
    /// provably gone, nothing works on the claim any more, whatever the issue records.
    /// </summary>
    public bool Inline { get; init; }

    /// <summary>
    /// How often the holder promises to renew this claim while its agent works (<c>heartbeat:</c>), or null when it
    /// promises nothing; each renewal rewrites the object with a new <see cref="Renewed"/> (<see cref="IForge.RenewClaimAsync"/>).
    /// </summary>
    public TimeSpan? HeartbeatInterval { get; init; }

    /// <summary>The holder's last renewal (its clock); <see cref="Since"/> until the first one.</summary>
    public DateTimeOffset? Renewed { get; init; }

    /// <summary>The work ended and waits for its orchestrator to collect it: no more renewals are owed.</summary>
    public bool Finished { get; init; }

    /// <summary>The claim of an author attempt.</summary>
    public static ForgeClaim ForAttempt(int issue, int attempt, string holder, string baseBranch) =>
        new(issue, attempt.ToString(CultureInfo.InvariantCulture), holder, baseBranch);

    /// <summary>The claim of the review of one head of the PR for <paramref name="issue"/>.</summary>
    public static ForgeClaim ForReview(int issue, string headSha, string holder, string baseBranch) =>
        new(issue, "review-" + headSha[..Math.Min(12, headSha.Length)], holder, baseBranch);

    /// <summary>The ref of generation 0 of this key; generation n is <c>KeyRef.n</c>.</summary>
    public string KeyRef => string.Create(CultureInfo.InvariantCulture, $"{RefPrefix}{Issue}/{Key}");

    public string Ref => Generation == 0 ? KeyRef : string.Create(CultureInfo.InvariantCulture, $"{KeyRef}.{Generation}");

    /// <summary>The text the claim object carries: who claimed what, from which process, since when.</summary>
    public string Text
    {
        get
        {
            var text = string.Create(CultureInfo.InvariantCulture, $"autoship claim #{Issue} {Key}\n\nholder: {Holder}\n");
            if (Process is { } process)
            {
                text += $"process: {process}\n";
            }

            if (Since is { } since)
            {
                text += string.Create(CultureInfo.InvariantCulture, $"since: {since.ToUniversalTime():O}\n");
            }

            if (Inline)
            {
                text += "runs: inline\n";
            }

            if (HeartbeatInterval is { } interval)
            {
                text += string.Create(CultureInfo.InvariantCulture, $"heartbeat: {(long)interval.TotalMilliseconds}ms\n");
            }

            if ((Renewed ?? (HeartbeatInterval is null ? null : Since)) is { } renewed)
            {
                text += string.Create(CultureInfo.InvariantCulture, $"renewed: {renewed.ToUniversalTime():O}\n");
            }

            if (Finished)
            {
                text += "finished: true\n";
            }

            return text;
        }
    }

    /// <summary>The folder of every claim ref of one issue.</summary>
    public static string IssuePrefix(int issue) => string.Create(CultureInfo.InvariantCulture, $"{RefPrefix}{issue}/");

    /// <summary>
    /// The generation of <paramref name="refName"/> when it is a claim ref of <see cref="KeyRef"/> (the key itself is 0,
    /// <c>KEY.n</c> is n), or null for any other ref (e.g. <c>KEY0</c> of a longer key).
    /// </summary>
    public int? GenerationOf(string refName)
    {
        if (string.Equals(refName, KeyRef, StringComparison.Ordinal))
        {
            return 0;
        }

        return refName.StartsWith(KeyRef + ".", StringComparison.Ordinal)
            && int.TryParse(refName.AsSpan(KeyRef.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
    }

    /// <summary>Generation of any claim ref name (its last <c>.n</c>), for releasing the highest first; 0 when it has none.</summary>
    public static int GenerationOfAny(string refName)
    {
        var dot = refName.LastIndexOf('.');
        var slash = refName.LastIndexOf('/');
        return dot > slash && int.TryParse(refName.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
    }

    /// <summary>The holder a claim object's text names, or null when it is not a claim Autoship wrote.</summary>
    public static string? HolderOf(string? text) => Line(text, "holder: ");

    /// <summary>What a claim object's text says about its holder (older claims carry no process or time).</summary>
    public static ClaimResult Read(string? text, int generation) =>
        new(false, HolderOf(text))
        {
            Process = Line(text, "process: "),
            Since = Time(Line(text, "since: ")),
            Inline = string.Equals(Line(text, "runs: "), "inline", StringComparison.Ordinal),
            Generation = generation,
            HeartbeatInterval = Line(text, "heartbeat: ") is { } beat && beat.EndsWith("ms", StringComparison.Ordinal)
                && long.TryParse(beat.AsSpan(0, beat.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms > 0
                ? TimeSpan.FromMilliseconds(ms) : null,
            Renewed = Time(Line(text, "renewed: ")),
            Finished = string.Equals(Line(text, "finished: "), "true", StringComparison.Ordinal),
        };

    private static DateTimeOffset? Time(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    private static string? Line(string? text, string prefix)
    {
        foreach (var line in (text ?? string.Empty).Split('\n'))
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal) && line.Length > prefix.Length)
            {
                return line[prefix.Length..].Trim();
            }
        }

        return null;
    }
}

/// <summary>
/// What a claim attempt found: <see cref="Created"/> when this call made the ref, else the highest generation of the
/// key that exists — who holds it (null when unreadable), from which process and since when.
/// </summary>
public sealed record ClaimResult(bool Created, string? Holder)
{
    public string? Process { get; init; }

    public DateTimeOffset? Since { get; init; }

    /// <summary>The holder runs the agent inside its own process (see <see cref="ForgeClaim.Inline"/>).</summary>
    public bool Inline { get; init; }

    /// <summary>The generation created, or the highest one found.</summary>
    public int Generation { get; init; }

    /// <summary>The holder's promised renewal interval (<see cref="ForgeClaim.HeartbeatInterval"/>), or null.</summary>
    public TimeSpan? HeartbeatInterval { get; init; }

    /// <summary>The holder's last renewal, or null.</summary>
    public DateTimeOffset? Renewed { get; init; }

    /// <summary>The holder's work ended (<see cref="ForgeClaim.Finished"/>).</summary>
    public bool Finished { get; init; }

    /// <summary>The claim is <paramref name="holder"/>'s: just made, or made earlier by the same orchestrator (a killed tick).</summary>
    public bool IsHeldBy(string holder) => Created || string.Equals(Holder, holder, StringComparison.Ordinal);
}
