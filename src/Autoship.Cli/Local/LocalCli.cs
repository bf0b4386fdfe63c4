using Autoship.Forge;

namespace Autoship.Cli.Local;

/// <summary>Text helpers of the <c>autoship local …</c> commands (their options and forge come from <see cref="Context.CommandContext"/>).</summary>
internal static class LocalCli
{
    /// <summary>The directory of a <c>DIR</c> or <c>local:DIR</c> argument, or a usage error.</summary>
    public static string Directory(string? spec)
    {
        if (string.IsNullOrWhiteSpace(spec))
        {
            throw new CliUsageException("no forge given: pass --forge DIR (a directory made by 'autoship local init DIR')");
        }

        return spec.StartsWith(ForgeSpec.Local + ":", StringComparison.OrdinalIgnoreCase) ? spec[(ForgeSpec.Local.Length + 1)..] : spec;
    }

    public static string Short(string sha) => sha.Length > 7 ? sha[..7] : sha;

    public static string List(IEnumerable<string> items)
    {
        var text = string.Join(", ", items);
        return text.Length == 0 ? "-" : text;
    }
}
