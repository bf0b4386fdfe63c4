namespace Autoship.Server.Webhooks;

/// <summary>Which deliveries can change what a tick would do, and so are worth waking the loop early for.</summary>
public static class WebhookRelevance
{
    private static readonly HashSet<string> IssueActions = ["labeled", "unlabeled", "closed", "reopened"];

    public static bool Matters(string eventName, string? action) => eventName switch
    {
        "issues" => action is not null && IssueActions.Contains(action),
        "pull_request" or "pull_request_review" or "status" or "deployment_status" => true,
        "check_run" or "check_suite" => action == "completed",
        _ => false,
    };
}
