using Autoship.Core.Config;

namespace Autoship.Core;

/// <summary>Runs sizing, lane classification and guardrails over one change.</summary>
public static class Classifier
{
    public static Classification Classify(IReadOnlyList<string> labels, IReadOnlyList<ChangedFile> files, AutoshipConfig config, string? gitAttributes) => throw new NotImplementedException();
}
