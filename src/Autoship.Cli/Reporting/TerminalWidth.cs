using System.Globalization;

namespace Autoship.Cli.Reporting;

/// <summary>How wide the page behind a writer is: a <see cref="FixedWidthWriter"/>'s width, else <c>COLUMNS</c>, else the terminal's; null when piped.</summary>
internal static class TerminalWidth
{
    public static int? Of(TextWriter writer)
    {
        if (writer is FixedWidthWriter fixedWidth)
        {
            return fixedWidth.Width;
        }

        if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var columns) && columns > 20)
        {
            return columns;
        }

        if (writer != Console.Out || Console.IsOutputRedirected)
        {
            return null;
        }

        try
        {
            // A pseudo-terminal without a window size (script, some CI runners, docker exec -t) answers 0.
            return Console.WindowWidth is > 0 and var width ? width : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
