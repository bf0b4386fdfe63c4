namespace Autoship.Server.Hosting;

/// <summary>The server was asked to start in a way that is unsafe or impossible; the message says how to fix it.</summary>
public sealed class ServerConfigurationException(string message) : Exception(message);
