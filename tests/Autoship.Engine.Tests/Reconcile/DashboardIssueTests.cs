using Autoship.Core.Dashboard;
using Autoship.Engine.Demo;
using Autoship.Engine.Reconcile;
using Autoship.Engine.Tests.Support;
using Autoship.Forge.Local;

namespace Autoship.Engine.Tests.Reconcile;

/// <summary>
/// Issue 15 item 3 on the local forge: with <c>loop.dashboardIssue</c> a tick opens ONE dashboard issue (a stranger's copy of
/// the marker is ignored), an idle tick writes nothing, a changed configuration rewrites the body, and an issue a person
/// closed stays closed with no second one filed. (No agent starts: the kill switch is on.)
/// </summary>
public sealed class DashboardIssueTests
{
    [Fact]
    public async Task TickAsync_DashboardOn_OpenedOnceRewrittenOnlyWhenChangedAndLeftClosed()
    {
        await using var demo = await DemoForge.CreateAsync();
        var config = DemoRunner.DemoConfig().Replace("killSwitch: false", "killSwitch: true", StringComparison.Ordinal);
        config.ShouldContain("dashboardIssue: true");
        await demo.CommitToMainAsync(".github/autoship.yml", config);
        await using var mallory = await demo.OpenAsync(LocalSample.Writer);
        var planted = await mallory.CreateIssueAsync("Autoship dashboard", DashboardIssue.Marker + "\nplanted", [], CancellationToken.None);
        await using var bot = await demo.OpenAsync();

        await TickAsync(demo);
        var dashboard = await bot.FindMarkedIssueAsync(DashboardIssue.Marker, DashboardIssue.Label, CancellationToken.None);
        dashboard.ShouldNotBeNull();
        dashboard.Number.ShouldNotBe(planted.Number);
        dashboard.Open.ShouldBeTrue();
        dashboard.Title.ShouldBe(DashboardIssue.Title);
        dashboard.Labels.ShouldContain(DashboardIssue.Label);
        dashboard.Body.ShouldContain("The kill switch is on");
        (await bot.GetIssueAsync(planted.Number, CancellationToken.None))!.Body.ShouldContain("planted");
        var written = (await bot.GetIssueAsync(dashboard.Number, CancellationToken.None))!.UpdatedAt;

        await TickAsync(demo);
        (await bot.GetIssueAsync(dashboard.Number, CancellationToken.None))!.UpdatedAt.ShouldBe(written, "an idle tick must not rewrite the dashboard");

        await demo.CommitToMainAsync(".github/autoship.yml", config.Replace("maxAgentMinutesPerDay: 240", "maxAgentMinutesPerDay: 100", StringComparison.Ordinal));
        await TickAsync(demo);
        var changed = await bot.GetIssueAsync(dashboard.Number, CancellationToken.None);
        changed!.Body.ShouldContain("Agent minutes per UTC day: 100");
        changed.UpdatedAt.ShouldNotBe(written);

        await mallory.CloseIssueAsync(dashboard.Number, CancellationToken.None);
        await demo.CommitToMainAsync(".github/autoship.yml", config.Replace("maxAgentMinutesPerDay: 240", "maxAgentMinutesPerDay: 50", StringComparison.Ordinal));
        await TickAsync(demo);
        var closed = await bot.GetIssueAsync(dashboard.Number, CancellationToken.None);
        closed!.Open.ShouldBeFalse();
        closed.Body.ShouldContain("Agent minutes per UTC day: 100");
        (await bot.ListIssuesAsync("all", CancellationToken.None)).Count(i => i.Title == DashboardIssue.Title).ShouldBe(2, "the stranger's and Autoship's, never a third");
    }

    private static async Task TickAsync(DemoForge demo)
    {
        await using var session = await demo.SessionAsync();
        (await session.Reconciler.TickAsync(false, CancellationToken.None)).Outcome.ShouldBe(TickOutcome.Done);
    }
}

/// <summary>The dashboard issue is a report: a forge that refuses its write leaves the tick done, with a warning.</summary>
public sealed class DashboardIssueFailureTests
{
    [Fact]
    public async Task TickAsync_DashboardWriteRefused_TickIsDoneAndItsActionsStand()
    {
        await using var demo = await DemoForge.CreateAsync();
        await demo.CommitToMainAsync(".github/autoship.yml", DemoRunner.DemoConfig().Replace("killSwitch: false", "killSwitch: true", StringComparison.Ordinal));
        await using var session = await demo.SessionAsync();
        await using var local = await demo.OpenAsync();
        var refusing = RefusingDashboardForge.Wrap(local);
        var logger = new ListLogger();
        var reconciler = new Reconciler(refusing, session.Store, new Autoship.Agents.AgentRunner(new Autoship.Agents.AgentRunnerOptions(demo.StateDirectory) { Time = demo.Clock }),
            new ReconcilerOptions("test", demo.StateDirectory), demo.Clock, logger);

        var report = await reconciler.TickAsync(false, CancellationToken.None);

        report.Outcome.ShouldBe(TickOutcome.Done);
        logger.Warnings.ShouldContain(w => w.Contains("the dashboard issue was not updated", StringComparison.Ordinal) && w.Contains("refused for the test", StringComparison.Ordinal));
        (await local.FindMarkedIssueAsync(DashboardIssue.Marker, DashboardIssue.Label, CancellationToken.None)).ShouldBeNull();
    }

    /// <summary>An <see cref="Autoship.Forge.IForge"/> that passes every call through except the dashboard's write.</summary>
    public class RefusingDashboardForge : System.Reflection.DispatchProxy
    {
        private Autoship.Forge.IForge inner = null!;

        public static Autoship.Forge.IForge Wrap(Autoship.Forge.IForge inner)
        {
            var proxy = Create<Autoship.Forge.IForge, RefusingDashboardForge>();
            ((RefusingDashboardForge)(object)proxy).inner = inner;
            return proxy;
        }

        protected override object? Invoke(System.Reflection.MethodInfo? method, object?[]? args)
        {
            if (method!.Name == nameof(Autoship.Forge.IForge.UpsertMarkedIssueAsync) && args?[0] is string marker && marker == DashboardIssue.Marker)
            {
                throw new Autoship.Forge.ForgeException("forbidden", "refused for the test");
            }

            try
            {
                return method.Invoke(inner, args);
            }
            catch (System.Reflection.TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
                throw;
            }
        }
    }

    private sealed class ListLogger : Microsoft.Extensions.Logging.ILogger
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == Microsoft.Extensions.Logging.LogLevel.Warning)
            {
                Warnings.Add(formatter(state, exception));
            }
        }
    }
}
