using Autoship.Core.Config;

namespace Autoship.Core.Tests.Adversarial;

/// <summary>Seeded generators of adversarial changes, one per class of issue 17; every case is reproducible from its seed.</summary>
internal static class AdversarialCases
{
    public const int PerClass = 600;

    public static readonly AutoshipConfig Config = DefaultConfig.Load();

    public static Classification Classify(IReadOnlyList<ChangedFile> files, IReadOnlyDictionary<string, string>? links = null) =>
        Classifier.Classify(["autonomy:safe"], files, Config, null, links);

    /// <summary>The invariant: the change is refused, or it is in lane C (which needs a human).</summary>
    public static bool NeedsHuman(Classification c) => !c.Allowed || c.Lane == Lane.Human;

    public static ChangedFile Text(string path, params string[] lines) => new(path, lines.Length, 0) { AddedLines = lines };

    public static string Case(Random random, string word)
    {
        var chars = word.Select(ch => random.Next(3) switch { 0 => char.ToUpperInvariant(ch), 1 => char.ToLowerInvariant(ch), _ => ch }).ToArray();
        return new string(chars);
    }

    public static string Space(Random random) => random.Next(4) switch { 0 => " ", 1 => "\n", 2 => "  ", _ => "\n    " };

    public static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
