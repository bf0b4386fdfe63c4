namespace Autoship.Cli.Doctor;

/// <summary>One line of the checklist: what was checked, how it went, and how to fix it when it did not.</summary>
internal sealed record DoctorResult(string Check, DoctorStatus Status, string Message, string? Fix = null)
{
    public static DoctorResult Ok(string check, string message) => new(check, DoctorStatus.Ok, message);

    public static DoctorResult Warn(string check, string message, string fix) => new(check, DoctorStatus.Warn, message, fix);

    public static DoctorResult Fail(string check, string message, string fix) => new(check, DoctorStatus.Fail, message, fix);

    public static DoctorResult Skip(string check, string why) => new(check, DoctorStatus.Skip, why);
}
