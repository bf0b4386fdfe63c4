using Autoship.Core;
using Autoship.Core.Config;
using DotNet.Globbing;

namespace Autoship.Agents.Tests;

/// <summary>
/// Test stand-in for Core's Classifier (which is built on another branch): the work order's file and line limits
/// and its never globs. Tests using it should be re-pointed at <see cref="CoreGuardrailCheck"/> after integration.
/// </summary>
public sealed class WorkOrderGuardrails : IGuardrailCheck
{
    public GuardrailOutcome Check(WorkOrder order, IReadOnlyList<ChangedFile> files, AutoshipConfig config, string? gitAttributes)
    {
        var reasons = new List<Reason>();
        if (files.Count > order.Guardrails.MaxFiles)
        {
            reasons.Add(Because.Of("guardrail.max-files", $"{files.Count} files changed; the limit is {order.Guardrails.MaxFiles}"));
        }

        var lines = files.Sum(f => f.ChangedLines);
        if (lines > order.Guardrails.MaxLines)
        {
            reasons.Add(Because.Of("guardrail.max-lines", $"{lines} lines changed; the limit is {order.Guardrails.MaxLines}"));
        }

        foreach (var f in files)
        {
            if (order.Never.Any(n => Glob.Parse(n).IsMatch(f.Path)))
            {
                reasons.Add(Because.Of("guardrail.never", $"{f.Path} matches a never glob"));
            }
        }

        return new GuardrailOutcome(reasons.Count == 0, reasons);
    }
}
