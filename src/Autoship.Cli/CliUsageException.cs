namespace Autoship.Cli;

/// <summary>Bad usage or configuration: printed as one clear line, exit code 2.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
