using Autoship.Core.Config;

namespace Autoship.Core;

/// <summary>Classifies a change into a lane: the riskiest of its labels, changed paths and content. Labels raise, never lower.</summary>
public static class LaneClassifier
{
    public static LaneDecision Classify(IReadOnlyList<string> labels, IReadOnlyList<ChangedFile> files, AutoshipConfig config) => throw new NotImplementedException();
}
