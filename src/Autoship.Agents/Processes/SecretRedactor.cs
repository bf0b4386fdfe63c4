using System.Text.RegularExpressions;

namespace Autoship.Agents;

/// <summary>Removes secrets from agent logs: the values of secret-looking variables and well-known token shapes.</summary>
public sealed partial class SecretRedactor
{
    public const string Mask = "[REDACTED]";

    private readonly IReadOnlyList<string> values;

    public SecretRedactor(IReadOnlyDictionary<string, string> environment)
    {
        // Short values would redact ordinary words; real secrets are longer than this.
        values = environment
            .Where(kv => AgentEnvironment.LooksSecret(kv.Key) && kv.Value.Length >= 6)
            .Select(kv => kv.Value)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(v => v.Length)
            .ToList();
    }

    public string Redact(string text)
    {
        foreach (var v in values)
        {
            text = text.Replace(v, Mask, StringComparison.Ordinal);
        }

        text = PrivateKey().Replace(text, Mask);
        return Token().Replace(text, Mask);
    }

    [GeneratedRegex(@"-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z0-9 ]*PRIVATE KEY-----|$)")]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"\b(ghp_[A-Za-z0-9]{20,}|gho_[A-Za-z0-9]{20,}|ghu_[A-Za-z0-9]{20,}|ghs_[A-Za-z0-9]{20,}|ghr_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|sk-[A-Za-z0-9_\-]{16,})")]
    private static partial Regex Token();
}
