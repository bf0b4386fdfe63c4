using System.Text.Json;
using System.Text.Json.Serialization;
using Autoship.Engine.Loop;
using Autoship.Server.Access;
using Autoship.Engine.Telemetry;
using Autoship.Server.Endpoints;
using Autoship.Server.Fleet;
using Autoship.Server.Loop;
using Autoship.Server.Observation;
using Autoship.Server.Status;
using Autoship.Server.Telemetry;
using Autoship.Server.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Autoship.Server.Hosting;

/// <summary>Builds the <c>autoship serve</c> host: the loop as a background service, the dashboard, the JSON API, webhooks and telemetry.</summary>
public static class AutoshipServer
{
    /// <summary>How long shutdown waits for the action under way (an agent run) to finish.</summary>
    public static readonly TimeSpan ShutdownGrace = TimeSpan.FromMinutes(15);

    /// <param name="configure">Lets tests swap the server (e.g. <c>UseTestServer</c>) or add services before the app is built.</param>
    public static WebApplication Build(ServerEngine engine, ServerOptions options, Action<WebApplicationBuilder>? configure = null) =>
        Build([engine], options, configure);

    /// <summary>A server for several repositories on one store, split with the other replicas of that store (<see cref="FleetService"/>).</summary>
    public static WebApplication Build(IReadOnlyList<ServerEngine> engines, ServerOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(engines);
        ArgumentNullException.ThrowIfNull(options);
        if (engines.Count == 0)
        {
            throw new ServerConfigurationException("no repository to serve: give --forge, --repo or --repos");
        }

        var engine = engines[0];
        BindingCheck.Validate(options);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(AutoshipServer).Assembly.GetName().Name });
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // A host that cannot start (a port in use) throws to the caller, which says so in one sentence; the host's own
        // log line would repeat it with a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownGrace);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            o.SerializerOptions.WriteIndented = true;
            Autoship.Engine.Json.JsonDurations.Apply(o.SerializerOptions);
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton(options);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton(sp => new RepositoryRegistry(engines.Select(e =>
            new RepositoryLoop(e, options, sp.GetRequiredService<AutoshipMetrics>(), sp.GetRequiredService<ILoggerFactory>())).ToList()));
        // What a page or API call is about: the repository its path chose (/repos/KEY/…), else the first one.
        ForRepository(builder.Services, l => l.Engine);
        ForRepository(builder.Services, l => l.Scheduler);
        ForRepository(builder.Services, l => l.State);
        ForRepository(builder.Services, l => l.Cache);
        ForRepository(builder.Services, l => l.Status);
        ForRepository(builder.Services, l => l.Items);
        ForRepository(builder.Services, l => l.Controls);
        builder.Services.AddSingleton<DashboardAccess>();
        builder.Services.AddSingleton(sp => new FleetService(sp.GetRequiredService<RepositoryRegistry>(), options, engine.Clock, sp.GetRequiredService<ILogger<FleetService>>()));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<FleetService>());
        builder.Services.AddAutoshipTelemetry();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages(async status =>
        {
            var context = status.HttpContext;
            if (context.Response.StatusCode == StatusCodes.Status404NotFound && NotFoundAnswer.WantsHtml(context.Request))
            {
                await NotFoundAnswer.WriteAsync(context, "There is no dashboard page at this address.");
                return;
            }

            // Everything else is a JSON problem, whatever the Accept header asks for (an API path never answers HTML).
            await TypedResults.Problem(statusCode: context.Response.StatusCode).ExecuteAsync(context);
        });
        app.Use(async (context, next) =>
        {
            // Pages are never framed by another site, and never sniffed into something else.
            context.Response.Headers.XFrameOptions = "DENY";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers["Referrer-Policy"] = "same-origin";
            context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
            await next(context);
        });
        app.UseDashboardAccess(app.Services.GetRequiredService<DashboardAccess>());
        app.UseRepositoryScope(app.Services.GetRequiredService<RepositoryRegistry>());
        app.UseRouting();
        app.MapHealthEndpoints();
        app.MapWebhookEndpoints();
        app.MapLoginEndpoints();
        app.MapDashboardEndpoints();
        app.MapApiEndpoints();
        app.MapRepositoryEndpoints();
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }

    private static void ForRepository<T>(IServiceCollection services, Func<RepositoryLoop, T> part)
        where T : class =>
        services.AddTransient(sp => part(sp.GetRequiredService<RepositoryRegistry>().Current(sp.GetRequiredService<IHttpContextAccessor>().HttpContext)));
}
