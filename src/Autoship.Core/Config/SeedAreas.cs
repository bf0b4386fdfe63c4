using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Autoship.Core.Config;

/// <summary>The seed's areas and the lines of the default file that depend on what <c>init</c> found.</summary>
public static partial class SeedAreas
{
    /// <summary>The area <c>init</c> adds for the project's own source roots (lane B: product work).</summary>
    public const string Code = "code";

    /// <summary>The agent that owns <see cref="Code"/> (it owns the other product areas with a single owner).</summary>
    public const string CodeOwner = "control-plane-steward";

    public const string StagingEnvironment = "staging";

    /// <summary>The seed's areas in file order: name, lane, paths.</summary>
    public static IReadOnlyList<(string Name, string Lane, IReadOnlyList<string> Paths)> All { get; } =
    [
        ("api", "staging", ["src/api/**", "api/**", "**/routes/**", "backend/**", "db/**", "**/migrations/**"]),
        ("web", "staging", ["web/**", "frontend/**", "dashboard/**", "src/web/**"]),
        ("auth", "human", ["**/auth/**", "**/session/**", "**/sessions/**"]),
        ("cli-sdk", "safe", ["cli/**", "sdk/**", "src/cli/**", "src/sdk/**"]),
        ("runtime", "human", ["runtime/**", "src/runtime/**", "**/protocol/**"]),
        ("test", "safe", ["tests/**", "test/**", "**/*_test.*", "**/*.test.*"]),
        ("infra", "human", ["infra/**", "terraform/**", "deploy/**", "**/*.tf", "Dockerfile", "**/Dockerfile"]),
        ("ops", "staging", ["ops/**", "monitoring/**", "observability/**"]),
        ("docs", "safe", ["docs/**", "**/*.md"]),
    ];

    /// <summary>The <c>areas:</c> entries, the seed's paths first and then the found ones.</summary>
    internal static string AreaLines(InitLayout layout)
    {
        var text = new StringBuilder();
        foreach (var (name, lane, paths) in All)
        {
            text.Append(AreaLine(name, lane, [.. paths, .. layout.PathsOf(name).Except(paths, StringComparer.Ordinal)]));
        }

        if (layout.HasCode)
        {
            text.Append("  # The project's own code, as `autoship init` found it (product work: lane B).\n");
            text.Append(AreaLine(Code, "staging", layout.PathsOf(Code)));
        }

        return text.ToString().TrimEnd('\n');
    }

    internal static string CodeLabelLine(InitLayout layout) => layout.HasCode
        ? "\n  - { name: \"area:code\", color: \"1d76db\", description: \"The project's own source code\" }"
        : string.Empty;

    internal static string OwnerAreas(InitLayout layout) => layout.HasCode ? "[api, auth, runtime, infra, code]" : "[api, auth, runtime, infra]";

    internal static string Deployment(InitLayout layout) => layout.StagingEnvironment is { } environment
        ? $"deployment: {Scalar(environment)}           # a successful deployment to this environment"
        : "deployment: null              # no workflow deploys pull requests to a staging environment, so lane B\n" +
          "                                  # merges on review and required checks; name the environment here once\n" +
          "                                  # a workflow deploys pull requests to it (`autoship doctor` reminds you)";

    internal static string RequiredChecks(InitLayout layout)
    {
        var checks = layout.RequiredChecks ?? ["ci"];
        var note = layout.ChecksNote is { } n ? string.Concat(n.Split('\n').Select(line => "  # " + line + "\n")) : string.Empty;
        return $"{note}  requiredChecks: [{string.Join(", ", checks.Select(Scalar))}]";
    }

    /// <summary>
    /// The test paths (the <c>test</c> area's, seed and found) as a flow list: what an agent that owns code may also
    /// change, so that a change to its code can come with its tests (ownership is enforced by the harness).
    /// </summary>
    internal static string TestPaths(InitLayout layout)
    {
        var seed = All.Single(a => a.Name == "test").Paths;
        IReadOnlyList<string> paths = [.. seed, .. layout.PathsOf("test").Except(seed, StringComparer.Ordinal)];
        return $"[{string.Join(", ", paths.Select(p => JsonSerializer.Serialize(p, Json)))}]";
    }

    /// <summary>A YAML flow scalar: plain when that reads back the same, else double-quoted (JSON is valid YAML).</summary>
    public static string Scalar(string value) => PlainScalar().IsMatch(value) ? value : JsonSerializer.Serialize(value, Json);

    private static string AreaLine(string name, string lane, IReadOnlyList<string> paths) =>
        $"  {name}: {{ lane: {lane}, paths: [{string.Join(", ", paths.Select(p => JsonSerializer.Serialize(p, Json)))}] }}\n";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex PlainScalar();
}
