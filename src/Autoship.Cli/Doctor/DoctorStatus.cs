namespace Autoship.Cli.Doctor;

public enum DoctorStatus
{
    Ok,
    Warn,
    Fail,
    Skip,
}
