namespace Autoship.Core;

/// <summary>What the merge gate says about a pull request.</summary>
public enum GateVerdict
{
    /// <summary>Every requirement of the lane is met: the harness may merge.</summary>
    Merge,

    /// <summary>Something is still running or missing that the loop itself will provide (checks, review, deployment).</summary>
    Wait,

    /// <summary>Only a human can move it on (approval, evidence); it is never merged unattended.</summary>
    Hold,

    /// <summary>It cannot merge as it is (failed check, changes requested, guardrail violation).</summary>
    Reject,
}
