using Autoship.Cli.Help;
using Autoship.Cli.Context;
using System.CommandLine;
using Autoship.Cli.Local;
using Autoship.Forge.Git;
using Autoship.Forge.Local;

namespace Autoship.Cli.Commands;

/// <summary><c>autoship local import PATH DIR</c>: a local forge whose main is an existing repository's branch, history included.</summary>
internal static class LocalImportCommand
{
    public static Command Create()
    {
        var source = new Argument<DirectoryInfo>("PATH") { Description = "A git repository (a clone of your project)." };
        var dir = new Argument<string>("DIR") { Description = "Directory to create the forge in." };
        var branch = new Option<string?>("--branch") { Description = "The branch to import (default: the repository's current branch)." };
        var owner = new Option<string?>("--owner") { Description = "Login of the owner (default: maintainer)." };
        var command = new Command(
            "import",
            "Create a local forge from an existing repository: its branch (default: the current one) and all its " +
            "history become the forge's main, so you can try Autoship on your code before giving it a token.")
        {
            source, dir, branch, owner,
        };
        command.SetAction((parse, ct) => CommandContext.For(parse).RunAsync(async () =>
        {
            var repository = parse.GetValue(source)!.FullName;
            var directory = LocalCli.Directory(parse.GetValue(dir));
            if (!Directory.Exists(repository))
            {
                throw new CliUsageException($"no such directory: {repository}");
            }

            if (LocalForge.Exists(directory))
            {
                throw new CliUsageException($"a local forge already exists at {directory}");
            }

            var head = parse.GetValue(branch) ?? await CurrentBranchAsync(repository, ct);
            var tip = await GitCli.TryRunAsync(repository, ["rev-parse", "--verify", "--quiet", $"refs/heads/{head}^{{commit}}"], null, null, ct);
            if (!tip.Ok)
            {
                throw new CliUsageException($"{repository} has no branch {head}: pass --branch NAME (see 'git -C {repository} branch')");
            }

            var ownerLogin = parse.GetValue(owner) ?? LocalSample.Owner;
            await using var forge = await LocalForge.InitAsync(directory, ownerLogin, TimeProvider.System, null, ct);
            var fetch = await GitCli.TryRunAsync(forge.BareRepository, ["fetch", "--quiet", "--no-tags", repository, $"+refs/heads/{head}:refs/heads/{LocalForge.DefaultBranch}"], null, null, ct);
            if (!fetch.Ok)
            {
                throw new Autoship.Forge.ForgeException("import-failed", $"could not import {head} from {repository}: {fetch.Stderr.Trim()}");
            }

            var commits = (await GitCli.TryRunAsync(forge.BareRepository, ["rev-list", "--count", LocalForge.DefaultBranch], null, null, ct)).Stdout.Trim();
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine($"Imported {head} of {repository} as {LocalForge.DefaultBranch} of a local forge at {forge.Directory} ({commits} {(commits == "1" ? "commit" : "commits")}, owner {ownerLogin}).");
            output.WriteLine($"  repository: {forge.BareRepository}");
            output.WriteLine($"  next: autoship doctor --forge local:{directory}, then autoship local issue create --forge {directory} --title \"...\" --label autonomy:ready");
            return ExitCodes.Ok;
        }));
        return command.WithExamples("autoship local import . ../forge", "autoship local import ~/src/project ../forge --branch develop", "# then, in the project", "autoship init --required-checks ci && git add .github scripts && git commit -m 'Add Autoship'");
    }

    private static async Task<string> CurrentBranchAsync(string repository, CancellationToken ct)
    {
        var head = await GitCli.TryRunAsync(repository, ["symbolic-ref", "--quiet", "--short", "HEAD"], null, null, ct);
        return head.Ok
            ? head.Stdout.Trim()
            : throw new CliUsageException($"{repository} is not a git repository on a branch (detached HEAD or no repository): pass --branch NAME");
    }
}
