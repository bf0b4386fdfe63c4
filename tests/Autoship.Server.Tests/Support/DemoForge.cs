using Autoship.Engine.Demo;
using Autoship.Forge.Local;

namespace Autoship.Server.Tests.Support;

/// <summary>
/// One demo forge for the whole assembly (the demo takes seconds): the demo's finished items and history, plus two
/// fresh ready issues the loop has not touched yet — one in lane A (docs) and one in lane C (auth).
/// </summary>
public sealed class DemoForge : IAsyncLifetime
{
    private readonly TempDir temp = new();

    public string Directory => temp.Path;

    public string Name => "local:" + System.IO.Path.GetFullPath(temp.Path);

    public int DocsIssue { get; private set; }

    public int AuthIssue { get; private set; }

    public async ValueTask InitializeAsync()
    {
        await new DemoRunner(temp.Path, _ => { }).RunAsync(TestContext.Current.CancellationToken);
        await using var owner = await LocalForge.OpenAsync(temp.Path, LocalSample.Owner, TimeProvider.System, CancellationToken.None);
        DocsIssue = (await owner.CreateIssueAsync("Docs: add a FAQ", Body(("docs/faq.md", "# FAQ")),
            ["autonomy:ready", "autonomy:safe", "area:docs", "risk:low"], CancellationToken.None)).Number;
        // With its test, so that the reviewer agent approves and the PR stays held for a human (lane C).
        AuthIssue = (await owner.CreateIssueAsync("Auth: list the roles", Body(("src/auth/roles.py", "ROLES = (\"admin\", \"member\")"), ("tests/test_roles.py", "from src.auth import roles")),
            ["autonomy:ready", "area:auth", "risk:high"], CancellationToken.None)).Number;
    }

    public ValueTask DisposeAsync()
    {
        temp.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string Body(params (string Path, string Line)[] files) =>
        "A small change.\n\n```diff\n"
        + string.Concat(files.Select(f => $"diff --git a/{f.Path} b/{f.Path}\nnew file mode 100644\n--- /dev/null\n+++ b/{f.Path}\n@@ -0,0 +1 @@\n+{f.Line}\n"))
        + "```\n";
}
