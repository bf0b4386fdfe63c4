namespace Autoship.Cli;

/// <summary>Documented exit codes (also in the README and <c>autoship --help</c>).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command ran and found a problem: invalid configuration, a failed doctor check, a refused change.</summary>
    public const int Problem = 1;

    /// <summary>Bad usage or an unreadable configuration.</summary>
    public const int Usage = 2;

    /// <summary>The forge or the store could not be reached.</summary>
    public const int Unavailable = 3;

    /// <summary>The forge or store answered, but the thing asked for (an issue, a pull request, a repository) does not exist.</summary>
    public const int NotFound = 4;
}
