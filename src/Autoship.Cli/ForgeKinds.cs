using Autoship.Forge;

namespace Autoship.Cli;

/// <summary>The table of forge kinds. Add a kind: one entry here plus its <c>ForgeResolver.KIND.cs</c> opener.</summary>
internal static class ForgeKinds
{
    public static IReadOnlyList<ForgeKind> All { get; } =
    [
        new(ForgeSpec.Local, "DIR (e.g. local:./demo)", t => t.Length > 0 ? null : "a directory", ForgeResolver.OpenLocalAsync),
        new(ForgeSpec.GitHub, "[HOST/]OWNER/REPO (e.g. github:octo/hello)", t => t.Split('/') is [{ Length: > 0 }, { Length: > 0 }] or [{ Length: > 0 }, { Length: > 0 }, { Length: > 0 }] ? null : "[HOST/]OWNER/REPO", ForgeResolver.OpenGitHubAsync),
    ];

    /// <summary>The kind and target of <paramref name="spec"/>, or null when it names no forge of the table.</summary>
    public static (ForgeKind Kind, string Target)? TryResolve(string? spec)
    {
        try
        {
            return Resolve(spec, All);
        }
        catch (CliUsageException)
        {
            return null;
        }
    }

    /// <summary>Finds the kind and target of <paramref name="spec"/> in <paramref name="kinds"/>, or a usage error naming every kind.</summary>
    public static (ForgeKind Kind, string Target) Resolve(string? spec, IReadOnlyList<ForgeKind> kinds)
    {
        var expected = string.Join(" or ", kinds.Select(k => k.Usage));
        if (string.IsNullOrWhiteSpace(spec))
        {
            throw new CliUsageException($"no forge given: pass --forge {expected}");
        }

        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? string.Empty : spec[..colon];
        var kind = kinds.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new CliUsageException($"'{spec}' is not a forge: the kinds are {string.Join(", ", kinds.Select(k => k.Name + ":"))}; expected {expected}");
        var target = spec[(colon + 1)..];
        if (kind.CheckTarget(target) is { } wanted)
        {
            throw new CliUsageException($"'{spec}' is not a {kind.Name} forge: expected {kind.Name}:{wanted}, e.g. {kind.Usage}");
        }

        return (kind, target);
    }
}
