namespace Autoship.Cli.Reporting;

/// <summary>A writer that says how wide its page is (tests and embedders render at a chosen width, e.g. 80 columns).</summary>
internal sealed class FixedWidthWriter(TextWriter inner, int width) : TextWriter
{
    public int Width { get; } = width;

    public override System.Text.Encoding Encoding => inner.Encoding;

    public override void Write(char value) => inner.Write(value);

    public override void Write(string? value) => inner.Write(value);

    public override void WriteLine(string? value) => inner.WriteLine(value);

    public override void Flush() => inner.Flush();

    public override string ToString() => inner.ToString() ?? string.Empty;
}
