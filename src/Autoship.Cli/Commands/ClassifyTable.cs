using Autoship.Cli.Reporting;
using Autoship.Core;
using Spectre.Console;

namespace Autoship.Cli.Commands;

/// <summary>What <c>autoship classify</c> prints for people: the verdict line and a table of reasons.</summary>
internal static class ClassifyTable
{
    public static void Write(TextWriter writer, Classification result, int fileCount, Autoship.Core.Config.AutoshipConfig config)
    {
        var console = Reporting.CliConsole.Create(writer);

        var verdict = result.Allowed ? "[green]allowed[/]" : "[red]refused by the guardrails[/]";
        console.MarkupLine(
            $"Lane [bold]{result.Lane.Letter()} ({result.Lane.Name()})[/], size [bold]{result.Size.Name()}[/], {fileCount} {(fileCount == 1 ? "file" : "files")}: {verdict}");

        var table = new CliTable("code", "reason") { LeadCells = 1 };
        foreach (var reason in result.Reasons)
        {
            table.AddRow(Markup.Escape(reason.Code), Markup.Escape(reason.Message));
        }

        console.Write(table);
        console.WriteLine(Limits(result.Lane, config));
    }

    /// <summary>The guardrails the verdict was judged by: the lane's limits and the always-on defences (README "Guardrails").</summary>
    public static string Limits(Lane lane, Autoship.Core.Config.AutoshipConfig config)
    {
        var g = config.Lane(lane).Guardrails;
        return $"Guardrails of lane {lane.Letter()}: at most {g.MaxFiles} files and {g.MaxLines} changed lines (generated files count), {g.MaxFileBytes} bytes of text per file "
            + $"and {g.MaxPassBytes} per pass, lines of {g.MaxLineLength} characters, binaries of {g.MaxBinaryBytes} bytes; never: {string.Join(", ", config.Never)}; "
            + $"content rules: {string.Join(", ", config.ContentRules.Select(r => $"{r.Id} ({r.Action.ToString().ToLowerInvariant()})"))}; "
            + "always: unread text refused, symlinks resolved, ownership enforced, harness identities never count as a person.";
    }
}
