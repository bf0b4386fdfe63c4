namespace Autoship.Core.Planning;

/// <summary>One queue-health alert: its code (<see cref="QueueHealth.Codes"/>), what it is about (<c>queue</c>, <c>#12</c>, an agent) and the sentence shown.</summary>
public sealed record QueueAlert(string Code, string Subject, string Message)
{
    /// <summary>Stable while the alert lasts (the message's waiting times grow): what notifications are deduplicated by.</summary>
    public string Key => Code + ":" + Subject;

    public Reason AsReason() => new(Code, Message);
}
