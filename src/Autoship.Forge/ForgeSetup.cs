namespace Autoship.Forge;

/// <summary>Reaches the setup side of a forge opened for the tick, with a clear refusal when that kind has none.</summary>
public static class ForgeSetup
{
    public static IForgeSetup RequireSetup(this IForge forge) =>
        forge as IForgeSetup ?? throw new ForgeException("no-setup", $"{forge.Name} cannot be set up by Autoship: it has no labels or branch protection to manage");
}
