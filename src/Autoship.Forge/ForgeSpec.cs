namespace Autoship.Forge;

/// <summary>A parsed <c>--forge</c> value: <c>KIND:TARGET</c>, e.g. <c>local:DIR</c> or <c>github:OWNER/REPO</c>.</summary>
public sealed record ForgeSpec(string Kind, string Target)
{
    public const string Local = "local";
    public const string GitHub = "github";

    /// <summary>Every forge kind, in the order the help lists them; an unknown kind is an error, never a fallback.</summary>
    public static readonly IReadOnlyList<ForgeKind> Kinds =
    [
        new(Local, "local:DIR", "local:./demo", target => target.Length > 0),
        new(GitHub, "github:OWNER/REPO", "github:octo/hello", target => target.Split('/') is [{ Length: > 0 }, { Length: > 0 }]),
    ];

    public static bool TryParse(string? text, out ForgeSpec spec, out string error)
    {
        spec = new ForgeSpec(Local, ".");
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = $"no forge given: pass {string.Join(" or ", Kinds.Select(k => "--forge " + k.Usage))}";
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? string.Empty : text[..colon].ToLowerInvariant();
        var target = colon < 0 ? text : text[(colon + 1)..];
        if (Kinds.FirstOrDefault(k => k.Name == name) is { } kind && kind.AcceptsTarget(target))
        {
            spec = new ForgeSpec(kind.Name, target);
            return true;
        }

        error = $"'{text}' is not a forge: expected {string.Join(" or ", Kinds.Select(k => $"{k.Usage} (e.g. {k.Example})"))}";
        return false;
    }

    public override string ToString() => $"{Kind}:{Target}";
}
