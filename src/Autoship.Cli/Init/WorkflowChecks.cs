using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Autoship.Cli.Init;

/// <summary>What the repository's workflows report on a pull request: check names as GitHub shows them, and deployments.</summary>
/// <param name="Checks">Job names (<c>name:</c> or the job id), one per matrix combination: "name (a, b)".</param>
/// <param name="Environments">Environments jobs of pull-request workflows deploy to.</param>
/// <param name="Notes">What could not be read, or reports only sometimes (paths filters, expressions).</param>
internal sealed partial record WorkflowChecks(IReadOnlyList<string> Checks, IReadOnlyList<string> Environments, IReadOnlyList<string> Notes)
{
    /// <summary>Autoship's own workflow (it reports no checks of the project).</summary>
    private const string OwnWorkflow = "autoship.yml";

    public static WorkflowChecks Read(string root)
    {
        var dir = Path.Combine(root, ".github", "workflows");
        var checks = new List<string>();
        var environments = new List<string>();
        var notes = new List<string>();
        if (!Directory.Exists(dir))
        {
            return new WorkflowChecks(checks, environments, notes);
        }

        var files = Directory.EnumerateFiles(dir, "*.yml").Concat(Directory.EnumerateFiles(dir, "*.yaml"))
            .Where(f => !string.Equals(Path.GetFileName(f), OwnWorkflow, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            try
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(File.ReadAllText(file)));
                if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode workflow)
                {
                    ReadWorkflow(name, workflow, checks, environments, notes);
                }
            }
            catch (YamlException e)
            {
                notes.Add($"{name}: not readable YAML ({e.Start.Line}:{e.Start.Column}), skipped");
            }
        }

        return new WorkflowChecks(checks.Distinct(StringComparer.Ordinal).ToList(), environments.Distinct(StringComparer.Ordinal).ToList(), notes);
    }

    private static void ReadWorkflow(string file, YamlMappingNode workflow, List<string> checks, List<string> environments, List<string> notes)
    {
        var on = Child(workflow, "on") ?? Child(workflow, "true");
        if (!RunsOnPullRequests(on, out var filtered))
        {
            return;
        }

        if (filtered)
        {
            notes.Add($"{file} skips some paths (paths/paths-ignore): a change only to those paths gets none of its checks");
        }

        if (Child(workflow, "jobs") is not YamlMappingNode jobs)
        {
            return;
        }

        var skipped = Conditional(jobs);
        foreach (var (key, value) in jobs.Children)
        {
            if (key is not YamlScalarNode { Value: { } id } || value is not YamlMappingNode job)
            {
                continue;
            }

            if (Child(job, "uses") is not null)
            {
                notes.Add($"{file}: job {id} calls a reusable workflow; its checks are named \"{id} / <job>\" — add them by hand");
                continue;
            }

            if (skipped.TryGetValue(id, out var why))
            {
                // A job that runs only sometimes (tags, events, another job's condition) would hold every PR it skips.
                notes.Add($"{file}: job {id} {why}; not required");
                continue;
            }

            var environment = Scalar(Child(job, "environment")) ?? Scalar(Child(Child(job, "environment"), "name"));
            if (environment is not null && !environment.Contains("${{", StringComparison.Ordinal))
            {
                environments.Add(environment);
                if (!RepositoryScan.StagingLike().IsMatch(environment))
                {
                    // A release (pypi, production, …): it must not run on Autoship's branches, so it is no PR check.
                    notes.Add($"{file}: job {id} deploys to {environment}; not required");
                    continue;
                }
            }

            var names = JobNames(id, job, out var problem);
            if (problem is not null)
            {
                notes.Add($"{file}: job {id}: {problem}");
            }

            checks.AddRange(names);
        }
    }

    /// <summary>Jobs with an <c>if:</c>, and the jobs that need them (transitively), with why each may not run.</summary>
    private static Dictionary<string, string> Conditional(YamlMappingNode jobs)
    {
        var skipped = new Dictionary<string, string>(StringComparer.Ordinal);
        var all = jobs.Children
            .Where(kv => kv.Key is YamlScalarNode { Value: not null } && kv.Value is YamlMappingNode)
            .ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => (YamlMappingNode)kv.Value, StringComparer.Ordinal);
        foreach (var (id, job) in all)
        {
            if (Scalar(Child(job, "if")) is { } condition)
            {
                skipped[id] = $"runs only if {condition.Trim()}";
            }
        }

        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (id, job) in all.Where(j => !skipped.ContainsKey(j.Key)))
            {
                var needs = Child(job, "needs") switch
                {
                    YamlScalarNode one => [one.Value ?? string.Empty],
                    YamlSequenceNode many => many.Children.Select(Scalar).OfType<string>().ToList(),
                    _ => new List<string>(),
                };
                if (needs.FirstOrDefault(skipped.ContainsKey) is { } need)
                {
                    skipped[id] = $"needs {need}, which runs only sometimes";
                    changed = true;
                }
            }
        }

        return skipped;
    }

    /// <summary>Triggered by pull requests, or by pushes to any branch (Autoship's branches included).</summary>
    private static bool RunsOnPullRequests(YamlNode? on, out bool filtered)
    {
        filtered = false;
        switch (on)
        {
            case YamlScalarNode scalar:
                return scalar.Value is "pull_request" or "push";
            case YamlSequenceNode list:
                return list.Children.OfType<YamlScalarNode>().Any(s => s.Value is "pull_request" or "push");
            case YamlMappingNode map:
                if (map.Children.ContainsKey(new YamlScalarNode("pull_request")))
                {
                    var pr = Child(map, "pull_request") as YamlMappingNode;
                    filtered = pr is not null && (Child(pr, "paths") is not null || Child(pr, "paths-ignore") is not null);
                    return true;
                }

                if (map.Children.ContainsKey(new YamlScalarNode("push")))
                {
                    var push = Child(map, "push") as YamlMappingNode;
                    filtered = push is not null && (Child(push, "paths") is not null || Child(push, "paths-ignore") is not null);
                    return push is null || (Child(push, "branches") is null && Child(push, "tags") is null);
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>GitHub's check names for a job: its name (or id), once per matrix combination.</summary>
    internal static IReadOnlyList<string> JobNames(string id, YamlMappingNode job, out string? problem)
    {
        problem = null;
        var name = Scalar(Child(job, "name"));
        var matrixNode = Child(Child(job, "strategy"), "matrix");
        if (matrixNode is null)
        {
            if (name is not null && name.Contains("${{", StringComparison.Ordinal))
            {
                problem = $"its name {name} is an expression; add the check it reports by hand";
                return [];
            }

            return [name ?? id];
        }

        if (matrixNode is not YamlMappingNode matrix)
        {
            problem = "its matrix is an expression; add the checks it reports by hand";
            return [];
        }

        var combinations = Matrix.Expand(matrix, out var matrixProblem);
        if (matrixProblem is not null)
        {
            problem = matrixProblem;
            return [];
        }

        var names = new List<string>();
        foreach (var combination in combinations)
        {
            if (name is null || !name.Contains("${{", StringComparison.Ordinal))
            {
                // GitHub appends the combination's values to a name without matrix expressions.
                names.Add(combination.Count == 0 ? name ?? id : $"{name ?? id} ({string.Join(", ", combination.Values)})");
                continue;
            }

            var rendered = Expression().Replace(name, m => Evaluate(m.Groups[1].Value, combination) ?? "\0");
            if (rendered.Contains('\0', StringComparison.Ordinal))
            {
                problem = $"its name {name} uses more than matrix values; add the checks it reports by hand";
                return [];
            }

            names.Add(rendered);
        }

        return names;
    }

    /// <summary><c>matrix.a || matrix.b || 'literal'</c>: the first operand that has a value.</summary>
    private static string? Evaluate(string expression, IReadOnlyDictionary<string, string> combination)
    {
        foreach (var raw in expression.Split("||"))
        {
            var operand = raw.Trim();
            if (operand.StartsWith("matrix.", StringComparison.Ordinal))
            {
                if (combination.TryGetValue(operand["matrix.".Length..], out var value) && value.Length > 0)
                {
                    return value;
                }

                continue;
            }

            if (operand.Length >= 2 && operand[0] == '\'' && operand[^1] == '\'')
            {
                return operand[1..^1];
            }

            return null;
        }

        return string.Empty;
    }

    internal static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    internal static string? Scalar(YamlNode? node) => node is YamlScalarNode { Value: { } value } ? value : null;

    [GeneratedRegex(@"\$\{\{\s*(.*?)\s*\}\}")]
    private static partial Regex Expression();
}
