using System.Security.Cryptography;

namespace Autoship.Engine.Executors;

/// <summary>The digest a worker records for its patch and the orchestrator checks on the bytes it received.</summary>
public static class PatchDigest
{
    public static string Of(byte[] patch) => Convert.ToHexStringLower(SHA256.HashData(patch));
}
