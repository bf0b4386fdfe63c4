namespace Autoship.Core.Config;

/// <summary>
/// What <c>autoship init</c> found in a repository, as data (finding it is the CLI's job): extra paths per area,
/// the CI checks its workflows report on pull requests, and the environment they deploy pull requests to.
/// <see cref="Seed"/> is the seed's operating model unchanged.
/// </summary>
/// <param name="AreaPaths">Paths to add to an area, by area name; <see cref="SeedAreas.Code"/> is the project's own code.</param>
/// <param name="RequiredChecks">The check names for <c>validation.requiredChecks</c>, or null to keep the seed's.</param>
/// <param name="StagingEnvironment">The environment lane B waits for; null when the workflows deploy none.</param>
/// <param name="ChecksNote">Where the checks came from, written as a comment above them.</param>
public sealed record InitLayout(
    IReadOnlyDictionary<string, IReadOnlyList<string>> AreaPaths,
    IReadOnlyList<string>? RequiredChecks,
    string? StagingEnvironment,
    string? ChecksNote)
{
    public static InitLayout Seed { get; } = new(new Dictionary<string, IReadOnlyList<string>>(), null, SeedAreas.StagingEnvironment, null);

    /// <summary>Whether the layout has code of its own outside the seed's areas (then the <c>code</c> area exists).</summary>
    public bool HasCode => AreaPaths.TryGetValue(SeedAreas.Code, out var paths) && paths.Count > 0;

    public IReadOnlyList<string> PathsOf(string area) => AreaPaths.TryGetValue(area, out var paths) ? paths : [];
}
