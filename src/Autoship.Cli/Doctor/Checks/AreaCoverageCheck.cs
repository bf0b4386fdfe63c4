using Autoship.Core;

namespace Autoship.Cli.Doctor.Checks;

/// <summary>
/// Every source file is in an area. A source path owned by no area is "unknown" (at least lane B), no agent owns
/// its issues, and a reviewer rejects a change to it as outside the owner's areas: work on it can never merge.
/// </summary>
internal sealed class AreaCoverageCheck : IDoctorCheck
{
    private const int Shown = 5;

    private static readonly HashSet<string> SourceExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".py", ".go", ".rs", ".cs", ".fs", ".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".java", ".kt", ".rb", ".php", ".c", ".h", ".cpp", ".swift",
    };

    public string Name => "areas cover the code";

    public async Task<DoctorResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (await context.Files.ListPathsAsync(cancellationToken) is not { } paths)
        {
            return DoctorResult.Skip(Name, "run it in a checkout of the repository (or against a local forge) to list its files");
        }

        var sources = paths.Where(p => SourceExtensions.Contains(Path.GetExtension(p))).ToList();
        var orphans = sources.Where(p => PathOwnership.For(context.Config, p).Areas.Count == 0).ToList();
        if (orphans.Count == 0)
        {
            return DoctorResult.Ok(Name, sources.Count == 1 ? "the 1 source file is in an area" : $"all {sources.Count} source files are in an area");
        }

        var places = orphans.Select(Place).Distinct(StringComparer.Ordinal).ToList();
        var shown = string.Join(", ", places.Take(Shown)) + (places.Count > Shown ? $" and {places.Count - Shown} more" : string.Empty);
        return DoctorResult.Fail(Name,
            $"{orphans.Count} of {sources.Count} source {(sources.Count == 1 ? "file is" : "files are")} in no area ({shown}): no agent owns their issues and changes to them never merge",
            $"add {places[0]} to an area's paths in .github/autoship.yml (e.g. `code: {{ lane: staging, paths: [\"{places[0]}\"] }}` owned by one agent); 'autoship init --dry-run' shows the mapping it would write");
    }

    // The top directory as a glob ("src/**"), or the file itself at the root.
    private static string Place(string path)
    {
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? path : path[..slash] + "/**";
    }
}
