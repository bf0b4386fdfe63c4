namespace Autoship.Cli.Doctor.Checks;

/// <summary>The validation truth contract, part one: the entrypoint exists on the default branch and is executable.</summary>
internal sealed class EntrypointCheck : IDoctorCheck
{
    private const int Executable = 0b001_000_000_111_101_101; // 100755

    public string Name => "validation entrypoint";

    public async Task<DoctorResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var entrypoint = context.Config.Validation.Entrypoint;
        if (await context.Forge.ReadFileAsync(entrypoint, null, cancellationToken) is null)
        {
            return DoctorResult.Fail(Name, $"{entrypoint} is not on the default branch", $"add {entrypoint}: the one command that says whether a change is good");
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
