namespace Autoship.Forge;

/// <summary>A parsed <c>--forge</c> value: <c>local:DIR</c> or <c>github:OWNER/REPO</c>.</summary>
public sealed record ForgeSpec(string Kind, string Target)
{
    public const string Local = "local";
    public const string GitHub = "github";

    public static bool TryParse(string? text, out ForgeSpec spec, out string error)
    {
        spec = new ForgeSpec(Local, ".");
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "no forge given: pass --forge local:DIR or --forge github:OWNER/REPO";
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var kind = colon < 0 ? string.Empty : text[..colon].ToLowerInvariant();
        var target = colon < 0 ? text : text[(colon + 1)..];
        switch (kind)
        {
            case Local when target.Length > 0:
                spec = new ForgeSpec(Local, target);
                return true;
            case GitHub when target.Split('/') is [{ Length: > 0 }, { Length: > 0 }]:
                spec = new ForgeSpec(GitHub, target);
                return true;
            default:
                error = $"'{text}' is not a forge: expected local:DIR (e.g. local:./demo) or github:OWNER/REPO (e.g. github:octo/hello)";
                return false;
        }
    }

    public override string ToString() => $"{Kind}:{Target}";
}
