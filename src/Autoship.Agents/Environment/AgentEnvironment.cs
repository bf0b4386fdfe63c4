using Autoship.Core;

namespace Autoship.Agents;

/// <summary>
/// The environment an agent gets: built from an allow-list, never inherited. Forge tokens and private keys are
/// refused even when the agent's configuration names them, because an agent must never hold production power.
/// </summary>
public static class AgentEnvironment
{
    /// <summary>Variables every agent gets from the harness when set (HOME and TMPDIR are replaced by fresh directories).</summary>
    public static readonly IReadOnlyList<string> Base = ["PATH", "LANG", "LC_ALL", "TERM"];

    /// <summary>True for a name that may never reach an agent: forge tokens, App credentials, private keys.</summary>
    public static bool IsForbidden(string name)
    {
        var n = name.ToUpperInvariant();
        return n is "GITHUB_TOKEN" or "GH_TOKEN" or "GH_ENTERPRISE_TOKEN" or "GITHUB_ENTERPRISE_TOKEN"
            || n.StartsWith("GITHUB_APP_", StringComparison.Ordinal)
            || (n.StartsWith("AUTOSHIP_", StringComparison.Ordinal) && n.Contains("TOKEN", StringComparison.Ordinal))
            || n.EndsWith("_PRIVATE_KEY", StringComparison.Ordinal)
            || n.StartsWith("ACTIONS_", StringComparison.Ordinal);
    }

    /// <summary>True for a name whose value should be redacted from logs.</summary>
    public static bool LooksSecret(string name)
    {
        var n = name.ToUpperInvariant();
        return IsForbidden(n) || n.Contains("TOKEN", StringComparison.Ordinal) || n.Contains("SECRET", StringComparison.Ordinal)
            || n.Contains("PASSWORD", StringComparison.Ordinal) || n.Contains("API_KEY", StringComparison.Ordinal)
            || n.Contains("APIKEY", StringComparison.Ordinal) || n.Contains("PRIVATE_KEY", StringComparison.Ordinal)
            || n.EndsWith("_KEY", StringComparison.Ordinal) || n.Contains("CREDENTIAL", StringComparison.Ordinal);
    }

    /// <summary>The environment for one run, and the named variables that were refused (with a reason each).</summary>
    public static (IReadOnlyDictionary<string, string> Env, IReadOnlyList<Reason> Refused) Build(
        IReadOnlyList<string> named, IReadOnlyDictionary<string, string> harness, string home, string tmp)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        var refused = new List<Reason>();
        foreach (var name in Base)
        {
            if (harness.TryGetValue(name, out var v))
            {
                env[name] = v;
            }
        }

        env.TryAdd("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.TryAdd("LANG", "C.UTF-8");
        env["HOME"] = home;
        env["TMPDIR"] = tmp;

        foreach (var name in named)
        {
            if (IsForbidden(name))
            {
                refused.Add(Because.Of("env.forbidden", $"the agent's env names {name}, a forge token or private key; agents never get one"));
            }
            else if (name is "HOME" or "TMPDIR" || name.StartsWith("GIT_", StringComparison.Ordinal))
            {
                refused.Add(Because.Of("env.reserved", $"the agent's env names {name}, which the harness sets itself"));
            }
            else if (harness.TryGetValue(name, out var v))
            {
                env[name] = v;
            }
        }

        // git inside the worktree: no system/global config, no prompts, no credential helper, no hooks.
        env["GIT_CONFIG_NOSYSTEM"] = "1";
        env["GIT_CONFIG_GLOBAL"] = "/dev/null";
        env["GIT_TERMINAL_PROMPT"] = "0";
        env["GIT_CONFIG_COUNT"] = "2";
        env["GIT_CONFIG_KEY_0"] = "credential.helper";
        env["GIT_CONFIG_VALUE_0"] = string.Empty;
        env["GIT_CONFIG_KEY_1"] = "core.hooksPath";
        env["GIT_CONFIG_VALUE_1"] = "/dev/null";
        return (env, refused);
    }

    /// <summary>The harness process's own environment as a dictionary.</summary>
    public static IReadOnlyDictionary<string, string> Current()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry e in System.Environment.GetEnvironmentVariables())
        {
            result[(string)e.Key] = e.Value as string ?? string.Empty;
        }

        return result;
    }
}
