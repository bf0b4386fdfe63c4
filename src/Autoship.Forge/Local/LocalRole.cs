using Autoship.Core;

namespace Autoship.Forge.Local;

/// <summary>A local forge user's role and how it maps to GitHub's permission levels.</summary>
public static class LocalRole
{
    public const string Owner = "owner";
    public const string Writer = "writer";
    public const string Reader = "reader";

    public static readonly IReadOnlyList<string> All = [Owner, Writer, Reader];

    public static Permission ToPermission(string? role) => role switch
    {
        Owner => Permission.Admin,
        Writer => Permission.Write,
        Reader => Permission.Read,
        _ => Permission.None,
    };

    public static bool IsValid(string role) => All.Contains(role);
}
