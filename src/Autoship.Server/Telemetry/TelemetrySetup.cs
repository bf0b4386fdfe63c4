using Autoship.Engine.Reconcile;
using Autoship.Engine.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Autoship.Server.Telemetry;

/// <summary>Metrics for Prometheus (<c>/metrics</c>) and, when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, traces and metrics over OTLP.</summary>
internal static class TelemetrySetup
{
    public static IServiceCollection AddAutoshipTelemetry(this IServiceCollection services)
    {
        var otlp = !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT"));
        services.AddSingleton<AutoshipMetrics>();
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("autoship", serviceVersion: typeof(TelemetrySetup).Assembly.GetName().Version?.ToString()))
            .WithMetrics(m =>
            {
                m.AddMeter(AutoshipMetrics.MeterName).AddAspNetCoreInstrumentation().AddPrometheusExporter();
                if (otlp)
                {
                    m.AddOtlpExporter();
                }
            })
            .WithTracing(t =>
            {
                t.AddSource(Reconciler.Activity.Name).AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/metrics"));
                if (otlp)
                {
                    t.AddOtlpExporter();
                }
            });
        return services;
    }
}
