using System.Net;
using Autoship.Agents;
using Autoship.Core;
using Autoship.Core.Config;
using Autoship.Core.Planning;
using Autoship.Engine.Demo;
using Autoship.Engine.Health;
using Autoship.Engine.Reconcile;
using Autoship.Engine.Store;
using Autoship.Engine.Tests.Support;
using Autoship.Forge.Local;
using Microsoft.Extensions.Logging.Abstractions;

namespace Autoship.Engine.Tests.Reconcile;

/// <summary>
/// The queue on a real local forge with the built-in agents, one slot and the configuration on main: priority beats
/// age, a dependent issue starts only once its blocker's PR merged, and a stalled handoff raises (and notifies) its alert.
/// </summary>
public sealed class QueueEndToEndTests
{
    [Fact]
    public async Task Loop_OneSlot_PriorityThenDependencyThenStalledHandoff()
    {
        await using var demo = await DemoForge.CreateAsync();
        var config = DemoRunner.DemoConfig()
            .Replace("maxConcurrent: 2                # work orders in flight at once", "maxConcurrent: 1", StringComparison.Ordinal)
            + "\nqueue:\n  stalledHandoffAfter: 1h\n  notifyWebhook: \"http://127.0.0.1:9/hooks/autoship\"\n  notifyIssue: 1\n  notifyMentions: [maintainer]\n";
        ConfigLoader.Load(config, AutoshipConfig.DefaultPath).IsValid.ShouldBeTrue();
        await demo.CommitToMainAsync(AutoshipConfig.DefaultPath, config);

        // #1 (docs) is older and p3; #2 (test repair) comes an hour later as p0; #3 (oversized docs) is p0 too but waits for #2.
        var docs = await demo.FileIssueAsync("docs");
        demo.Clock.Advance(TimeSpan.FromHours(1));
        var repair = await demo.FileIssueAsync("test");
        var dependent = await demo.FileIssueAsync("oversized", $"Blocked by #{repair}");
        await using (var maintainer = await demo.OpenAsync(LocalSample.Owner))
        {
            await maintainer.AddLabelsAsync(docs, ["priority:p3"], CancellationToken.None);
            await maintainer.AddLabelsAsync(repair, ["priority:p0"], CancellationToken.None);
            await maintainer.AddLabelsAsync(dependent, ["priority:p0"], CancellationToken.None);
        }

        // The first pass of the first tick: what status and explain would show before anything runs.
        var plans = new List<Plan>();
        await using (var session = await demo.SessionAsync())
        {
            var reconciler = new Reconciler(session.Forge, session.Store, new AgentRunner(new AgentRunnerOptions(demo.StateDirectory) { Time = demo.Clock }),
                new ReconcilerOptions("test", demo.StateDirectory) { OnPlan = plans.Add }, demo.Clock, NullLogger.Instance);
            (await reconciler.TickAsync(false, CancellationToken.None)).Outcome.ShouldBe(TickOutcome.Done);
        }

        var firstPass = plans[0];
        firstPass.Actions.OfType<StartAttempt>().Select(a => a.Issue).ShouldBe([repair]);
        var queued = firstPass.Items.Where(i => i.QueuePosition is not null).OrderBy(i => i.QueueRank).ToList();
        queued.Select(i => i.Issue).ShouldBe([repair, dependent, docs]);
        queued[1].Reasons.ShouldBe([new Reason("blocked-by", $"blocked by #{repair} until it closes")]);
        queued[1].QueuePosition!.Message.ShouldStartWith("2nd of 3 in the queue: p0, lane A");
        queued[2].Reasons.ShouldHaveSingleItem().Code.ShouldBe("no-slot");
        queued[2].QueuePosition!.Message.ShouldBe("3rd of 3 in the queue: p3, lane A, waiting 1 h");

        await demo.RunUntilQuietAsync();

        await using (var session = await demo.SessionAsync())
        {
            var events = await session.Store.QueryEventsAsync(new EventQuery(session.Forge.Name, Limit: 500), CancellationToken.None);
            var starts = events.Where(e => e.Kind == "start-attempt" && e.Outcome == "ok").OrderBy(e => e.Id).ToList();
            // One slot of running agents, taken in priority order: #2's open PR waiting for its merge runs no agent and
            // holds no slot, so #1 starts next; #3 only once its blocker is done.
            starts.Select(e => e.Issue).ShouldBe([repair, docs, dependent], "one slot, taken in priority order, #3 once its blocker is done");
            var merged = events.Single(e => e.Kind == "merge" && e.Issue == repair && e.Outcome == "ok");
            merged.Id.ShouldBeLessThan(starts[2].Id, "#3 starts only after its blocker's PR merged");
            (await session.Forge.GetIssueAsync(repair, CancellationToken.None))!.Open.ShouldBeFalse();
        }

        // Someone pauses lanes B and C (held PRs free their slot, so a pause is what stops the flow here); ready work
        // for them arrives, and two hours pass without a new pull request.
        await using (var session = await demo.SessionAsync())
        {
            await session.Store.SetControlsAsync(session.Forge.Name, new RuntimeControls(false, [Lane.Staging, Lane.Human]), CancellationToken.None);
        }

        var waiting = await demo.FileIssueAsync("migration");
        var auth = await demo.FileIssueAsync("auth");
        await demo.RunUntilQuietAsync();
        demo.Clock.Advance(TimeSpan.FromHours(2));
        var hooks = new CapturingHandler();
        await using (var session = await demo.SessionAsync())
        {
            var reconciler = new Reconciler(session.Forge, session.Store, new AgentRunner(new AgentRunnerOptions(demo.StateDirectory) { Time = demo.Clock }),
                new ReconcilerOptions("test", demo.StateDirectory) { AlertClient = new HttpClient(hooks) }, demo.Clock, NullLogger.Instance);
            var report = await reconciler.TickAsync(false, CancellationToken.None);

            var alert = report.Health.ShouldHaveSingleItem();
            alert.Code.ShouldBe(QueueHealth.StalledHandoff);
            alert.Message.ShouldContain($"oldest #{waiting}");
            report.Items.Single(i => i.Issue == auth).Phase.ShouldBe(ItemPhase.Paused);
            report.Notices.ShouldContain(n => n.Code == QueueHealth.StalledHandoff);
            report.Notified.ShouldBe([alert]);
            hooks.Bodies.ShouldHaveSingleItem().ShouldContain("stalled-handoff");
            var comments = await session.Forge.ListCommentsAsync(1, CancellationToken.None);
            comments.ShouldContain(c => c.Body.StartsWith(QueueAlertNotifier.CommentMarkerPrefix, StringComparison.Ordinal) && c.Body.Contains("@maintainer"));

            // The alert lasts, but it is notified once.
            var again = await reconciler.TickAsync(false, CancellationToken.None);
            again.Health.ShouldHaveSingleItem().Code.ShouldBe(QueueHealth.StalledHandoff);
            again.Notified.ShouldBeEmpty();
            hooks.Bodies.Count.ShouldBe(1);
        }
    }

    private sealed class CapturingHandler : HttpMessageHandler
    {
        public List<string> Bodies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri!.ToString().ShouldBe("http://127.0.0.1:9/hooks/autoship");
            Bodies.Add(await request.Content!.ReadAsStringAsync(cancellationToken));
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        }
    }
}
