using Spectre.Console;
using Spectre.Console.Rendering;

namespace Autoship.Cli.Reporting;

/// <summary>
/// A table people read, as data: headers and rows of markup cells. It renders as a Spectre table when every word of
/// every cell fits its column; when the page is too narrow for that (Spectre would split words mid-token), it renders
/// each row as a short record instead — the first cells on one line, then <c>header: value</c> lines that wrap at word
/// boundaries — so nothing is cut and tokens (paths, SHAs, logins) stay whole and copyable.
/// </summary>
internal sealed class CliTable(params string[] headers) : IRenderable
{
    private readonly List<string[]> _rows = [];

    // Spectre measures, then renders: the layout chosen for a width is kept, so the table is laid out and checked once.
    private (int Width, IRenderable Layout)? _chosen;

    public IReadOnlyList<string> Headers { get; } = headers;

    public IReadOnlyList<IReadOnlyList<string>> Rows => _rows;

    /// <summary>How many leading cells make a record's first line in the narrow form (e.g. "#12" and the title).</summary>
    public int LeadCells { get; init; } = 2;

    public bool Rounded { get; init; } = true;

    public CliTable AddRow(params string[] markupCells)
    {
        if (markupCells.Length != Headers.Count)
        {
            throw new ArgumentException($"a row of {Headers.Count} columns got {markupCells.Length} cells", nameof(markupCells));
        }

        _rows.Add(markupCells);
        _chosen = null;
        return this;
    }

    public Measurement Measure(RenderOptions options, int maxWidth) => Choose(options, maxWidth).Measure(options, maxWidth);

    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth) => Choose(options, maxWidth).Render(options, maxWidth);

    /// <summary>The Spectre table when its narrowest layout keeps every word whole at <paramref name="maxWidth"/>, else the records.</summary>
    private IRenderable Choose(RenderOptions options, int maxWidth)
    {
        if (_chosen is { } chosen && chosen.Width == maxWidth)
        {
            return chosen.Layout;
        }

        var table = new Table().Border(Rounded ? TableBorder.Rounded : TableBorder.Square).Expand();
        table.AddColumns(Headers.Select(h => new TableColumn(Markup.Escape(h))).ToArray());
        foreach (var row in _rows)
        {
            table.AddRow(row);
        }

        IRenderable layout = KeepsWordsWhole(table, options, maxWidth) ? table : Records();
        _chosen = (maxWidth, layout);
        return layout;
    }

    /// <summary>Renders the table and checks it: no line wider than the page, and every word of every cell whole on one line.</summary>
    private bool KeepsWordsWhole(Table table, RenderOptions options, int maxWidth)
    {
        var lines = new List<string>();
        var line = new System.Text.StringBuilder();
        foreach (var segment in ((IRenderable)table).Render(options, maxWidth))
        {
            if (segment.IsLineBreak)
            {
                lines.Add(line.ToString());
                line.Clear();
            }
            else if (!segment.IsControlCode)
            {
                line.Append(segment.Text);
            }
        }

        lines.Add(line.ToString());
        if (lines.Any(l => Segment.CellCount([new Segment(l)]) > maxWidth))
        {
            return false;
        }

        var words = _rows.SelectMany(r => r).Concat(Headers.Select(Markup.Escape))
            .SelectMany(cell => Markup.Remove(cell).Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal);
        return words.All(word => lines.Any(l => l.Contains(word, StringComparison.Ordinal)));
    }

    private Rows Records()
    {
        var lines = new List<IRenderable>();
        foreach (var row in _rows)
        {
            var lead = string.Join(" ", row.Take(LeadCells).Where(c => !IsEmpty(c)));
            lines.Add(new Markup($"[bold]{lead}[/]"));
            for (var i = LeadCells; i < row.Length; i++)
            {
                if (!IsEmpty(row[i]))
                {
                    lines.Add(new Padder(new Markup($"[grey]{Markup.Escape(Headers[i])}:[/] {row[i]}"), new Padding(2, 0, 0, 0)));
                }
            }
        }

        return new Rows(lines);
    }

    private static bool IsEmpty(string cell) => Markup.Remove(cell).Trim() is "" or "—" or "-";
}
