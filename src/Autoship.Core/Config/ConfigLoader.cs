namespace Autoship.Core.Config;

/// <summary>Parses and validates <c>.github/autoship.yml</c> text (no I/O: the caller reads the file).</summary>
public static class ConfigLoader
{
    public static ConfigLoadResult Load(string yaml, string fileName) => throw new NotImplementedException();
}
