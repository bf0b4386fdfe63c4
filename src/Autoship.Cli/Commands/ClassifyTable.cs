using Autoship.Cli.Reporting;
using Autoship.Core;
using Spectre.Console;

namespace Autoship.Cli.Commands;

/// <summary>What <c>autoship classify</c> prints for people: the verdict line and a table of reasons.</summary>
internal static class ClassifyTable
{
    public static void Write(TextWriter writer, Classification result, int fileCount)
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
    }
}
