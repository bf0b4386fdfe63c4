using System.Globalization;
using System.Net;
using System.Text;

namespace Autoship.Engine.Simulation;

/// <summary>A hand-built SVG of runs side by side: cumulative merges over time (throughput) above, queue length below.</summary>
public static class SimulationPlot
{
    private const int Width = 720;
    private const int PanelHeight = 200;
    private const int Left = 56;
    private const int Right = 150;
    private static readonly string[] Colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd"];

    public static string Svg(IReadOnlyList<(string Label, SimulationResult Result)> runs) => Svg([.. runs.Select(r => (r.Label, r.Result.Hourly))]);

    /// <summary>The same plot from any runs' hourly samples (the merge-queue runs, or whole-pipeline runs).</summary>
    public static string Svg(IReadOnlyList<(string Label, IReadOnlyList<SimulationHour> Hourly)> runs)
    {
        var svg = new StringBuilder();
        var height = PanelHeight * 2 + 90;
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width}\" height=\"{height}\" fill=\"white\"/>\n");
        var hours = runs.Max(r => r.Hourly.Count);
        Panel(svg, 30, "merged pull requests (cumulative)", hours, runs.Select(r => Cumulative(r.Hourly.Select(h => h.Merges))).ToList());
        Panel(svg, PanelHeight + 70, "queue length (max per hour)", hours, runs.Select(r => r.Hourly.Select(h => (double)h.QueueLength).ToList()).ToList());
        for (var i = 0; i < runs.Count; i++)
        {
            var y = 40 + (i * 18);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Width - Right + 12}\" y=\"{y - 9}\" width=\"12\" height=\"12\" fill=\"{Colors[i % Colors.Length]}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right + 30}\" y=\"{y + 1}\">{WebUtility.HtmlEncode(runs[i].Label)}</text>\n");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{height - 8}\">simulated hours →</text>\n");
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void Panel(StringBuilder svg, int top, string title, int hours, IReadOnlyList<IReadOnlyList<double>> series)
    {
        var plotWidth = Width - Left - Right;
        var max = Math.Max(1, series.SelectMany(s => s).DefaultIfEmpty(0).Max());
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{top - 8}\" font-weight=\"bold\">{WebUtility.HtmlEncode(title)}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{top}\" width=\"{plotWidth}\" height=\"{PanelHeight}\" fill=\"none\" stroke=\"#999\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{top + 10}\" text-anchor=\"end\">{max:0}</text><text x=\"{Left - 6}\" y=\"{top + PanelHeight}\" text-anchor=\"end\">0</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + plotWidth}\" y=\"{top + PanelHeight + 14}\" text-anchor=\"end\">{hours} h</text>\n");
        for (var i = 0; i < series.Count; i++)
        {
            var points = string.Join(" ", series[i].Select((v, h) => string.Create(CultureInfo.InvariantCulture,
                $"{Left + (plotWidth * (h + 1.0) / Math.Max(1, hours)):0.0},{top + PanelHeight - (PanelHeight * v / max):0.0}")));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{Colors[i % Colors.Length]}\" stroke-width=\"2\" points=\"{points}\"/>\n");
        }
    }

    private static List<double> Cumulative(IEnumerable<int> values)
    {
        var total = 0.0;
        return [.. values.Select(v => total += v)];
    }
}
