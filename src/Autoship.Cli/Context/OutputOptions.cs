using System.CommandLine;
using System.Text.RegularExpressions;

namespace Autoship.Cli.Context;

/// <summary>
/// Machine-readable output the way gh offers it: <c>--json</c> (every field) or <c>--json FIELD,FIELD</c> (only those
/// top-level fields; an unknown one is a usage error listing the fields), and <c>--jq EXPRESSION</c> to filter the JSON
/// with jq (implies <c>--json</c>).
/// </summary>
internal sealed partial class OutputOptions
{
    public Option<string?> Json { get; } = new("--json")
    {
        Description = "Print JSON instead of tables: every field, or only the comma-separated top-level FIELDS.",
        HelpName = "fields",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<string?> Jq { get; } = new("--jq")
    {
        Description = "Filter the JSON output with this jq expression (needs jq on PATH; implies --json).",
        HelpName = "expression",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Json);
        command.Options.Add(Jq);
    }

    /// <summary>All fields: what a bare <c>--json</c> means.</summary>
    public const string AllFields = "*";

    /// <summary>
    /// A bare <c>--json</c> followed by a word that is not a field list (<c>explain --json 12</c>) becomes
    /// <c>--json=*</c>, so the word stays the command's argument.
    /// </summary>
    public static string[] Disambiguate(string[] args)
    {
        var result = (string[])args.Clone();
        for (var i = 0; i < result.Length - 1; i++)
        {
            if (result[i] == "--json" && !result[i + 1].StartsWith('-') && !FieldList().IsMatch(result[i + 1]))
            {
                result[i] = "--json=" + AllFields;
            }
        }

        return result;
    }

    public bool IsJson(ParseResult parse) => parse.GetResult(Json) is not null || !string.IsNullOrEmpty(parse.GetValue(Jq));

    /// <summary>The selected top-level fields, or empty for all.</summary>
    public IReadOnlyList<string> Fields(ParseResult parse) =>
        parse.GetValue(Json) is { Length: > 0 } value && value != AllFields
            ? value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*(,[A-Za-z][A-Za-z0-9_]*)*$")]
    private static partial Regex FieldList();
}
