using Autoship.Forge;

namespace Autoship.Cli;

/// <summary>
/// One kind of <c>--forge</c> value (<c>KIND:TARGET</c>): its name, an example target, a check of the target and how to
/// open it. Declared once in <see cref="ForgeKinds"/>; an unknown kind is a usage error listing the kinds.
/// </summary>
internal sealed record ForgeKind(
    string Name,
    string Example,
    Func<string, string?> CheckTarget,
    Func<string, ForgeOpenOptions, CancellationToken, Task<IForge>> OpenAsync)
{
    public string Usage => $"{Name}:{Example}";
}
