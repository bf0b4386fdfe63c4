using System.Buffers;
using System.Text;
using YamlDotNet.Core;

namespace Autoship.Core.Config;

/// <summary>Checks on the raw text before it is parsed: size, UTF-8 validity and characters a decoder put in for bad bytes.</summary>
internal static class ConfigText
{
    /// <summary>Decodes strict UTF-8 (a leading BOM is dropped); null after an error at the first invalid byte.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, ConfigReader reader)
    {
        if (bytes.Length > ConfigLimits.MaxBytes)
        {
            reader.Error(Mark.Empty, TooLarge(bytes.Length));
            return null;
        }

        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        var (line, column) = (1, 1);
        for (var rest = bytes; !rest.IsEmpty;)
        {
            if (Rune.DecodeFromUtf8(rest, out var rune, out var used) != OperationStatus.Done)
            {
                reader.Error(new Mark(0, line, column), $"the file is not valid UTF-8 (byte 0x{rest[0]:X2} at byte offset {bytes.Length - rest.Length}): save it as UTF-8");
                return null;
            }

            (line, column) = rune.Value == '\n' ? (line + 1, 1) : (line, column + 1);
            rest = rest[used..];
        }

        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>False after an error when the text is too large or holds U+FFFD or a lone surrogate (bytes that were not UTF-8).</summary>
    public static bool Check(string yaml, ConfigReader reader)
    {
        if (yaml.Length > ConfigLimits.MaxBytes || Encoding.UTF8.GetByteCount(yaml) > ConfigLimits.MaxBytes)
        {
            reader.Error(Mark.Empty, TooLarge(Encoding.UTF8.GetByteCount(yaml)));
            return false;
        }

        var (line, column) = (1, 1);
        for (var i = 0; i < yaml.Length; i++)
        {
            var c = yaml[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < yaml.Length && char.IsLowSurrogate(yaml[i + 1]);
            if (c == '\uFFFD' || (char.IsSurrogate(c) && !pair))
            {
                reader.Error(new Mark(i, line, column), "the file is not valid UTF-8 (a replacement character or a lone surrogate here): save it as UTF-8");
                return false;
            }

            i += pair ? 1 : 0;
            (line, column) = c == '\n' ? (line + 1, 1) : (line, column + 1);
        }

        return true;
    }

    private static string TooLarge(long bytes) =>
        $"the file is {bytes} bytes; a configuration may be at most {ConfigLimits.MaxBytes} bytes (1 MiB)";
}
