using Autoship.Core;
using Autoship.Core.Config;

namespace Autoship.Agents;

/// <summary>The default guardrail check: Core's <see cref="Classifier"/> over labels derived from the work order.</summary>
public sealed class CoreGuardrailCheck : IGuardrailCheck
{
    public GuardrailOutcome Check(WorkOrder order, IReadOnlyList<ChangedFile> files, AutoshipConfig config, GitAttributeFiles? gitAttributes)
    {
        var classification = Classifier.Classify(Labels(order), files, config, gitAttributes, authorAgent: order.Owner);
        return new GuardrailOutcome(classification.Allowed, classification.Allowed ? [] : classification.Guardrails.Violations.Count > 0 ? classification.Guardrails.Violations : classification.Reasons);
    }

    /// <summary>The labels the item carries as far as the work order knows: its area and risk.</summary>
    public static IReadOnlyList<string> Labels(WorkOrder order)
    {
        var labels = new List<string>();
        if (!string.IsNullOrWhiteSpace(order.Area))
        {
            labels.Add(order.Area.StartsWith(Autoship.Core.Labels.AreaPrefix, StringComparison.Ordinal) ? order.Area : Autoship.Core.Labels.AreaPrefix + order.Area);
        }

        if (!string.IsNullOrWhiteSpace(order.Risk))
        {
            labels.Add(order.Risk.StartsWith(Autoship.Core.Labels.RiskPrefix, StringComparison.Ordinal) ? order.Risk : Autoship.Core.Labels.RiskPrefix + order.Risk);
        }

        return labels;
    }
}
