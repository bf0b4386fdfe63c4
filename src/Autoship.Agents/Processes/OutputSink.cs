using System.Text;

namespace Autoship.Agents;

/// <summary>
/// Collects a process's output up to a byte limit and remembers when it last printed anything; with
/// <paramref name="lines"/>, also reports each line of each stream (cleaned and redacted, see <see cref="OutputLines"/>).
/// </summary>
internal sealed class OutputSink(long limit, TimeProvider time, Func<OutputLines>? lines = null)
{
    private readonly object gate = new();
    private readonly MemoryStream all = new();
    private readonly MemoryStream stdout = new();
    private readonly TaskCompletionSource limitReached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long bytes;
    private DateTimeOffset lastActivity = time.GetUtcNow();

    public Task LimitReached => limitReached.Task;

    public long Bytes
    {
        get
        {
            lock (gate)
            {
                return bytes;
            }
        }
    }

    public DateTimeOffset LastActivity
    {
        get
        {
            lock (gate)
            {
                return lastActivity;
            }
        }
    }

    public async Task PumpAsync(Stream stream, bool isStdout)
    {
        var buffer = new byte[8192];
        var split = lines?.Invoke();
        try
        {
            while (true)
            {
                var n = await stream.ReadAsync(buffer);
                if (n == 0)
                {
                    return;
                }

                split?.Write(buffer.AsSpan(0, n));
                if (!Append(buffer.AsSpan(0, n), isStdout))
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The process was killed while we read.
        }
        finally
        {
            split?.Flush();
        }
    }

    /// <summary>Appends what fits under the limit; false once the limit is reached (the caller stops reading).</summary>
    private bool Append(ReadOnlySpan<byte> data, bool isStdout)
    {
        lock (gate)
        {
            lastActivity = time.GetUtcNow();
            var room = (int)Math.Max(0, Math.Min(data.Length, limit - bytes));
            all.Write(data[..room]);
            if (isStdout)
            {
                stdout.Write(data[..room]);
            }

            bytes += data.Length;
            if (bytes > limit)
            {
                limitReached.TrySetResult();
                return false;
            }

            return true;
        }
    }

    public (string Stdout, string All) Text()
    {
        lock (gate)
        {
            return (Encoding.UTF8.GetString(stdout.ToArray()), Encoding.UTF8.GetString(all.ToArray()));
        }
    }
}
