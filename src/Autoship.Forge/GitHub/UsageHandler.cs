namespace Autoship.Forge.GitHub;

/// <summary>Counts every request that reaches GitHub (retries included) and reads the rate-limit headers.</summary>
internal sealed class UsageHandler(UsageCounter usage) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        usage.Record(response);
        return response;
    }
}
