using System.Data.Common;
using System.Net;
using System.Net.Sockets;
using Autoship.Forge;

namespace Autoship.Cli;

/// <summary>
/// Turns a failure into one sentence with the fix and the documented exit code, never a stack trace
/// (<c>--verbose</c> adds it). Usage 2, unreachable forge or store 3, anything else the command found 1.
/// </summary>
internal static class CliErrors
{
    public static (int ExitCode, string Message) Describe(Exception e) => e switch
    {
        CliUsageException u => (ExitCodes.Usage, u.Message),
        ForgeException { Code: "not-found" } f => (ExitCodes.NotFound, f.Message),
        ForgeException f => (ExitCodes.Unavailable, $"the forge refused ({f.Code}): {f.Message}"),
        HttpRequestException { StatusCode: HttpStatusCode.Unauthorized } =>
            (ExitCodes.Unavailable, "GitHub rejected the token (401): set a valid GH_TOKEN or GITHUB_TOKEN (or --token-env NAME) and retry"),
        HttpRequestException h => (ExitCodes.Unavailable, $"could not reach the forge: {h.Message} (check the network, GH_HOST or --api-url)"),
        _ when IsOctokitUnauthorized(e) =>
            (ExitCodes.Unavailable, "GitHub rejected the token (401): set a valid GH_TOKEN or GITHUB_TOKEN (or --token-env NAME) and retry"),
        DbException d => (ExitCodes.Unavailable, $"the store could not be used: {d.Message} (check --store: not a database, read-only or locked by another process)"),
        _ when IsAddressInUse(e) =>
            (ExitCodes.Usage, $"{e.Message.TrimEnd('.')}: another process listens there; stop it or pass another --urls"),
        UnauthorizedAccessException a => (ExitCodes.Unavailable, $"permission denied: {a.Message}"),
        IOException io => (ExitCodes.Unavailable, $"could not read or write a file: {io.Message}"),
        _ when e.InnerException is { } inner && inner is not null && Describe(inner) is var d && d.ExitCode != ExitCodes.Problem => d,
        _ => (ExitCodes.Problem, $"{e.Message} (run again with --verbose for details)"),
    };

    /// <summary>Kestrel's bind failure (an IOException over AddressInUseException over a SocketException), at any depth.</summary>
    private static bool IsAddressInUse(Exception e)
    {
        for (var x = (Exception?)e; x is not null; x = x.InnerException)
        {
            if (x is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || x.GetType().Name == "AddressInUseException")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOctokitUnauthorized(Exception e) =>
        e.GetType().FullName is "Octokit.AuthorizationException";
}
