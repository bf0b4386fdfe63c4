using System.Diagnostics;
using System.Text;

namespace Autoship.Forge.Git;

/// <summary>
/// Resolves names to commits through one long-lived <c>git cat-file --batch-check</c> instead of one
/// <c>git rev-parse --verify</c> process per name. git reads a ref afresh for every line it is asked (the loose ref
/// file, <c>packed-refs</c> when its stat changed) and looks for packs it has not seen when an object is missing, so an
/// answer is as current as a new process's. Questions are asked one at a time. The process ends when this reader is
/// disposed, or by itself when its parent dies (its standard input closes). When it cannot be started or answers
/// nothing, the caller falls back to a process of its own (null).
/// </summary>
internal sealed class GitRefReader(string repository) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Process? _process;
    private bool _disposed;

    /// <summary>
    /// The commit <paramref name="name"/> names (<c>NAME^{commit}</c>): its SHA, <see cref="Missing"/> when it names no
    /// commit, or null when the reader could not answer (ask git another way).
    /// </summary>
    public async Task<string?> CommitAsync(string name, CancellationToken cancellationToken)
    {
        if (name.Length == 0 || name.AsSpan().IndexOfAny('\n', '\r', '\0') >= 0)
        {
            return null;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 0; attempt < 2 && !_disposed; attempt++)
            {
                var answer = await AskAsync(name + "^{commit}", cancellationToken);
                if (answer is null)
                {
                    continue;
                }

                // "<sha> commit <size>", or "<name> missing" / "<name> ambiguous" (no commit by that name).
                var parts = answer.Split(' ');
                return parts.Length == 3 && parts[1] == "commit" && parts[0].Length is 40 or 64 ? parts[0] : Missing;
            }

            return null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The answer for a name that names no commit.</summary>
    public const string Missing = "";

    private async Task<string?> AskAsync(string question, CancellationToken cancellationToken)
    {
        try
        {
            _process ??= Start();
            await _process.StandardInput.WriteAsync((question + "\n").AsMemory(), cancellationToken);
            await _process.StandardInput.FlushAsync(cancellationToken);
            var answer = await _process.StandardOutput.ReadLineAsync(cancellationToken);
            if (answer is not null)
            {
                return answer;
            }
        }
        catch (OperationCanceledException)
        {
            // A question left half answered would put every later answer one line off: start afresh next time.
            Stop();
            throw;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
        }

        Stop();
        return null;
    }

    private Process Start()
    {
        var psi = GitCli.StartInfo(repository, ["cat-file", "--batch-check"], null, redirectInput: true);
        psi.RedirectStandardError = false;
        psi.StandardOutputEncoding = Encoding.UTF8;
        GitLaunches.Count();
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start git cat-file");
        process.StandardInput.AutoFlush = false;
        return process;
    }

    private void Stop()
    {
        var process = _process;
        _process = null;
        if (process is null)
        {
            return;
        }

        try
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(1000))
            {
                process.Kill();
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
        }
        finally
        {
            process.Dispose();
        }
    }

    public void Dispose()
    {
        _gate.Wait();
        try
        {
            _disposed = true;
            Stop();
        }
        finally
        {
            _gate.Release();
        }
    }
}
