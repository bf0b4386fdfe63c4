using Autoship.Core;

namespace Autoship.Agents;

/// <summary>Why a run failed, for the planner's retry policy (issue 14 item 8): transient provider trouble pauses the agent, a refusal needs a human.</summary>
public enum RunFailureClass
{
    RateLimit,
    Quota,
    Auth,
    Network,
    DeterministicRefusal,
    AgentError,
}

/// <summary>Classifies a failed run from its reasons and the tail of its (redacted) output; each class has a reason code.</summary>
public static class FailureClassifier
{
    public static string Code(RunFailureClass c) => c switch
    {
        RunFailureClass.RateLimit => "model.rate-limit",
        RunFailureClass.Quota => "model.quota",
        RunFailureClass.Auth => "model.auth",
        RunFailureClass.Network => "model-unreachable",
        RunFailureClass.DeterministicRefusal => "run.refused",
        _ => "agent.error",
    };

    public static Reason Classify(IReadOnlyList<Reason> reasons, string output)
    {
        var text = output.Length > 16384 ? output[^16384..] : output;
        bool Has(params string[] needles) => needles.Any(n => text.Contains(n, StringComparison.OrdinalIgnoreCase));
        var c = reasons.Any(r => r.Code.StartsWith("guardrails.", StringComparison.Ordinal) || r.Code.StartsWith("harness.", StringComparison.Ordinal) || r.Code is "env.forbidden" or "env.reserved" or "runner.unknown-preset")
            ? RunFailureClass.DeterministicRefusal
            : reasons.Any(r => r.Code == "model-unreachable") ? RunFailureClass.Network
            : Has("insufficient_quota", "quota exceeded", "credit balance is too low", "billing") ? RunFailureClass.Quota
            : Has("rate_limit", "rate limit", "429 Too Many Requests", "status 429", "overloaded") ? RunFailureClass.RateLimit
            : Has("401 Unauthorized", "invalid x-api-key", "invalid api key", "authentication_error", "status 401", "403 Forbidden", "Missing API key") ? RunFailureClass.Auth
            : Has("ECONNREFUSED", "Unable to connect to API", "waiting for network", "stream disconnected", "Connection refused", "ENOTFOUND", "getaddrinfo", "error sending request") ? RunFailureClass.Network
            : RunFailureClass.AgentError;
        var message = reasons.Count > 0 ? string.Join("; ", reasons.Select(r => r.Message)) : "the agent failed";
        return Because.Of(Code(c), $"{c}: {message}");
    }
}
