namespace Autoship.Core;

/// <summary>The merge gate: for a pull request and its lane, merge, wait, hold or reject — always with reasons.</summary>
public static class MergeGate
{
    public static GateDecision Decide(GateInput input) => throw new NotImplementedException();
}
