namespace Autoship.Forge;

/// <summary>The names of the forge kinds (<c>local:DIR</c>, <c>github:OWNER/REPO</c>); the CLI's table of kinds parses and opens them.</summary>
public static class ForgeSpec
{
    public const string Local = "local";
    public const string GitHub = "github";
}
