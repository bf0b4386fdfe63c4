using Autoship.Core;
using Autoship.Core.Config;
using Spectre.Console;

namespace Autoship.Cli.Init;

/// <summary><c>init --dry-run</c>'s mapping: each part of the repository → its area → the owning agent → its lane.</summary>
internal static class InitTable
{
    public static void Write(TextWriter writer, AutoshipConfig config, IReadOnlyList<(string Shown, string Sample)> paths)
    {
        var console = Reporting.CliConsole.Create(writer);
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("path")
            .AddColumn(new TableColumn("area").NoWrap())
            .AddColumn(new TableColumn("owner").NoWrap())
            .AddColumn(new TableColumn("lane").NoWrap());
        foreach (var (shown, sample) in paths)
        {
            var row = PathOwnership.For(config, sample);
            table.AddRow(
                new Text(shown == sample ? shown : $"{shown} (e.g. {sample[shown.Length..]})"),
                new Text(row.Areas.Count == 0 ? "(none)" : string.Join(", ", row.Areas)),
                new Text(row.Owner ?? "(none)"),
                new Text($"{row.Lane.Letter()} {row.Lane.Name()}"));
        }

        console.Write(table);
    }
}
