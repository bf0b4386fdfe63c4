using System.Text;
using Autoship.Core.Progress;

namespace Autoship.Agents;

/// <summary>
/// Splits one stream of a process's output into lines for live progress (on <c>\n</c> and on <c>\r</c>, which
/// progress bars use), each cleaned of escape sequences, then redacted with the run log's <see cref="SecretRedactor"/>,
/// then shortened. The body of a private key block is never reported, even though it spans lines.
/// </summary>
internal sealed class OutputLines(SecretRedactor redactor, Action<string> report)
{
    /// <summary>Characters of one line kept before the rest of it is dropped.</summary>
    public const int MaxLine = 4096;

    /// <summary>Characters of a line as reported.</summary>
    public const int MaxShown = 240;

    private readonly Decoder decoder = Encoding.UTF8.GetDecoder();
    private readonly StringBuilder partial = new();
    private readonly char[] chars = new char[Encoding.UTF8.GetMaxCharCount(8192)];
    private bool overflow;
    private bool inPrivateKey;

    public void Write(ReadOnlySpan<byte> data)
    {
        while (data.Length > 0)
        {
            var take = Math.Min(data.Length, 8192);
            var n = decoder.GetChars(data[..take], chars, flush: false);
            data = data[take..];
            foreach (var c in chars.AsSpan(0, n))
            {
                if (c is '\n' or '\r')
                {
                    Emit();
                }
                else if (partial.Length < MaxLine)
                {
                    partial.Append(c);
                }
                else
                {
                    overflow = true;
                }
            }
        }
    }

    public void Flush()
    {
        var n = decoder.GetChars([], chars, flush: true);
        partial.Append(chars, 0, n);
        Emit();
    }

    private void Emit()
    {
        var raw = partial.ToString();
        partial.Clear();
        if (overflow)
        {
            // The cut may fall inside a secret: its beginning would escape redaction, so the last word goes too.
            var space = raw.LastIndexOf(' ');
            raw = space < 0 ? string.Empty : raw[..space];
            overflow = false;
        }

        // Escapes first: a token split by an escape sequence must be whole again before it is redacted.
        var text = TerminalText.Clean(raw);
        if (text.Length == 0)
        {
            return;
        }

        var begins = text.Contains("-----BEGIN", StringComparison.Ordinal) && text.Contains("PRIVATE KEY-----", StringComparison.Ordinal);
        var ends = text.Contains("-----END", StringComparison.Ordinal) && text.Contains("PRIVATE KEY-----", StringComparison.Ordinal);
        if (inPrivateKey)
        {
            inPrivateKey = !ends;
            return;
        }

        inPrivateKey = begins && !ends;
        report(TerminalText.Truncate(redactor.Redact(text), MaxShown));
    }
}
