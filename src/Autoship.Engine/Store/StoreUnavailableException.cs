namespace Autoship.Engine.Store;

/// <summary>
/// The store cannot be used (read-only, locked by another process past the busy timeout, unreachable): one clear
/// sentence with the fix. The CLI maps it to exit code 3 and prints no stack trace.
/// </summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
