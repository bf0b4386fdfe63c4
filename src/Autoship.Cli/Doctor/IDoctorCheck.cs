namespace Autoship.Cli.Doctor;

/// <summary>One item of <c>autoship doctor</c>. A check never throws for a finding; it returns it.</summary>
internal interface IDoctorCheck
{
    string Name { get; }

    Task<DoctorResult> RunAsync(DoctorContext context, CancellationToken cancellationToken);
}
