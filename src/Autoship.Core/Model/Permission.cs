namespace Autoship.Core;

/// <summary>A forge account's access to the repository, as GitHub names it.</summary>
public enum Permission
{
    None = 0,
    Read = 1,
    Triage = 2,
    Write = 3,
    Maintain = 4,
    Admin = 5,
}

/// <summary>Who did something on the forge, and with which access at the time we looked.</summary>
public sealed record Actor(string Login, Permission Permission)
{
    public bool CanWrite => Permission >= Permission.Write;
}
