namespace Autoship.Cli.Doctor.Checks;

/// <summary>The validation truth contract, part one: the entrypoint exists on the default branch and is executable.</summary>
internal sealed class EntrypointCheck : IDoctorCheck
{
    private const int Executable = 0b001_000_000_111_101_101; // 100755

    public string Name => "validation entrypoint";

    /// <summary>Init's placeholder, or a script whose every line is a comment, blank, or shell setup.</summary>
    internal static bool TestsNothing(string script) =>
        script.Contains(Autoship.Core.Config.TestScript.NothingDetected, StringComparison.Ordinal)
        || script.Split('\n').Select(l => l.Trim()).All(l => l.Length == 0 || l.StartsWith('#') || l.StartsWith("set ", StringComparison.Ordinal)
            || l.StartsWith("cd ", StringComparison.Ordinal) || l is "exit 0" or "true" or ":" || l.StartsWith("echo ", StringComparison.Ordinal));

    public async Task<DoctorResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var entrypoint = context.Config.Validation.Entrypoint;
        if (await context.Forge.ReadFileAsync(entrypoint, null, cancellationToken) is not { } script)
        {
            return DoctorResult.Fail(Name, $"{entrypoint} is not on the default branch", $"add {entrypoint}: the one command that says whether a change is good");
        }

        if (TestsNothing(script))
        {
            return DoctorResult.Fail(Name, $"{entrypoint} tests nothing (it runs no command besides setup): nothing validates a change",
                $"make {entrypoint} run the project's tests (e.g. 'python3 -m pytest', 'go test ./...', 'cargo test', 'npm test')");
        }

        var directory = Path.GetDirectoryName(entrypoint)?.Replace('\\', '/') ?? string.Empty;
        var entries = await context.Files.ListAsync(directory, cancellationToken);
        var entry = entries?.FirstOrDefault(e => e.Name == Path.GetFileName(entrypoint));
        if (entry is null)
        {
            return DoctorResult.Ok(Name, $"{entrypoint} exists (its mode could not be read on this forge)");
        }

        return entry.Mode == Executable
            ? DoctorResult.Ok(Name, $"{entrypoint} exists and is executable (100755)")
            : DoctorResult.Fail(Name, $"{entrypoint} is not executable (mode {RepositoryFiles.Octal(entry.Mode)})", $"git update-index --chmod=+x {entrypoint} && git commit");
    }
}
