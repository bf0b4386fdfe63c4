using Autoship.Core.Config;

namespace Autoship.Cli.Doctor.Checks;

internal sealed class SandboxCheck : IDoctorCheck
{
    public string Name => "sandbox";

    public Task<DoctorResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var sandboxed = context.Config.Agents.Where(a => a.Sandbox == SandboxKind.Bwrap).Select(a => a.Name).ToList();
        if (sandboxed.Count == 0)
        {
            return Task.FromResult(DoctorResult.Skip(Name, "no agent asks for a sandbox"));
        }

        return Task.FromResult(ExecutableLookup.Find("bwrap", context.Environment("PATH")) is { } path
            ? DoctorResult.Ok(Name, $"bwrap found at {path} for {string.Join(", ", sandboxed)}")
            : DoctorResult.Fail(Name, $"{string.Join(", ", sandboxed)} {(sandboxed.Count == 1 ? "asks" : "ask")} for the bwrap sandbox, and bwrap is not on PATH", "install bubblewrap (apt-get install bubblewrap), or set sandbox: none"));
    }
}
