namespace Autoship.Server.Webhooks;

/// <summary>A webhook body that could not be read (aborted or too slow): answered with <see cref="Status"/>, logged in one line.</summary>
internal sealed class BodyReadException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
