using System.IO.Compression;
using System.Text;
using Autoship.Agents;
using Autoship.Core.Config;
using Autoship.Forge.GitHub;

namespace Autoship.Engine.Executors;

/// <summary>
/// The <c>github-actions</c> executor: each work order is one <c>workflow_dispatch</c> run of the agent workflow, titled
/// with the job id (a re-dispatch finds the run under way). The run holds no write token; its artifact (result and
/// patch) is downloaded, checked against the ticket (work order, base commit) and the work order's paths, and turned
/// into the harness's own commit in the cache repository, which the reconciler then pushes.
/// </summary>
public sealed class GitHubActionsExecutor(GitHubActionsClient client, string workflow, string cacheRepository, TimeProvider clock) : IWorkExecutor
{
    /// <summary>workflow_dispatch inputs are limited in size; a bigger spec is refused rather than cut.</summary>
    public const int MaxSpecChars = 60_000;

    /// <summary>How long a dispatched run may take to show up in the runs list before the job counts as lost.</summary>
    public static readonly TimeSpan RunAppearGrace = TimeSpan.FromMinutes(5);

    private const long MaxArtifactBytes = 50L * 1024 * 1024;

    public string Kind => ExecutorSettings.GitHubActions;

    public static string Title(string jobId) => "autoship job " + jobId;

    public async Task<JobTicket> DispatchAsync(JobSpec spec, CancellationToken cancellationToken)
    {
        var ticket = spec.Ticket(Kind, clock.GetUtcNow());
        if (await client.FindRunAsync(workflow, Title(spec.Id), cancellationToken) is { } existing)
        {
            return ticket with { Handle = existing.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }

        // The runner has its own checkout and state directory; nothing of this machine's paths goes out.
        var portable = spec with { Repository = ".", StateDirectory = "." };
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(JobJson.Write(portable)));
        if (encoded.Length > MaxSpecChars)
        {
            throw new Forge.ForgeException("spec-too-large", $"the job spec is {encoded.Length} characters, over the {MaxSpecChars} a workflow input carries");
        }

        var inputs = new Dictionary<string, string> { ["order"] = spec.Id, ["base"] = spec.BaseSha, ["spec"] = encoded };
        if (spec.AuthorContext?.ContinueFrom is { } head)
        {
            // A fix forward checks out the PR head; only then is the input sent, so a workflow written before it still runs fresh attempts.
            inputs["head"] = head;
        }

        await client.DispatchAsync(workflow, spec.Ref ?? "main", inputs, cancellationToken);
        return ticket;
    }

    public async Task<JobStatus> PollAsync(JobTicket ticket, CancellationToken cancellationToken)
    {
        var run = await client.FindRunAsync(workflow, Title(ticket.Id), cancellationToken);
        if (run is null)
        {
            return clock.GetUtcNow() - ticket.DispatchedAt < RunAppearGrace ? JobStatus.Running : JobStatus.Lost($"no run of {workflow} titled '{Title(ticket.Id)}' appeared");
        }

        if (run.Status != "completed")
        {
            return JobStatus.Running;
        }

        if (run.Conclusion != "success")
        {
            return JobStatus.Lost($"run {run.Id} of {workflow} concluded {run.Conclusion ?? "without a conclusion"}");
        }

        if (await client.FindArtifactAsync(run.Id, "autoship-job-" + ticket.Id, cancellationToken) is not { } artifact)
        {
            return JobStatus.Lost($"run {run.Id} uploaded no artifact autoship-job-{ticket.Id}");
        }

        var (result, patch) = Read(await client.DownloadArtifactAsync(artifact, MaxArtifactBytes, cancellationToken));
        if (ticket.IsReview && result?.Review is not null)
        {
            return new JobStatus(JobState.Completed, result);
        }

        if (result?.Author is not { } author)
        {
            return JobStatus.Lost(result?.Error ?? $"run {run.Id}'s artifact holds no readable result.json");
        }

        if (author.Outcome != AttemptOutcome.Committed)
        {
            return new JobStatus(JobState.Completed, result);
        }

        if (result.WorkOrderId != ticket.WorkOrderId || result.BaseSha != ticket.BaseSha)
        {
            return new JobStatus(JobState.Completed, result);
        }

        var (sha, refused) = patch is null ? (null, "the run committed but uploaded no change.patch")
            : result.PatchSha256 is null ? (null, "the run's result records no digest of its change.patch")
            : PatchDigest.Of(patch) is var digest && !string.Equals(digest, result.PatchSha256, StringComparison.OrdinalIgnoreCase)
                ? (null, $"the change.patch received (sha256 {digest[..12]}) is not the one the run's result records (sha256 {result.PatchSha256[..Math.Min(12, result.PatchSha256.Length)]})")
            : await PatchCommit.CreateAsync(cacheRepository, ticket.Order, ticket.BaseSha, Encoding.UTF8.GetString(patch), author.Files, ticket.ContinueFrom, cancellationToken);
        return sha is null
            ? JobStatus.Lost(refused!)
            : new JobStatus(JobState.Completed, result with { Author = author with { CommitSha = sha } });
    }

    public Task CancelAsync(JobTicket ticket, CancellationToken cancellationToken) => Task.CompletedTask;

    private static (JobResult? Result, byte[]? Patch) Read(byte[] zip)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
            byte[]? Bytes(string name)
            {
                var entry = archive.GetEntry(name);
                if (entry is null || entry.Length > MaxArtifactBytes)
                {
                    return null;
                }

                using var stream = entry.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                return copy.ToArray();
            }

            return (Bytes("result.json") is { } json ? JobJson.Read<JobResult>(Encoding.UTF8.GetString(json)) : null, Bytes("change.patch"));
        }
        catch (InvalidDataException)
        {
            return (null, null);
        }
    }
}
