namespace Autoship.Core;

/// <summary>
/// Reasons next to a message without saying anything twice: a reason whose message the text already carries is left
/// out ("validation failed — `test.sh` exited 1 — `test.sh` exited 1"), and a reason whose message is its own code
/// is shown once ("validation-failed", not "validation-failed (validation-failed)").
/// </summary>
public static class ReasonText
{
    /// <summary>The reasons whose message <paramref name="message"/> does not already contain, in order, each once.</summary>
    public static IReadOnlyList<Reason> NotIn(string message, IEnumerable<Reason> reasons)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return reasons.Where(r => r.Message.Length > 0 && !message.Contains(r.Message, StringComparison.Ordinal) && seen.Add(r.Message)).ToList();
    }

    /// <summary>"message — reason; reason" with only the reasons the message does not already say.</summary>
    public static string With(string message, IEnumerable<Reason> reasons, string separator = " — ")
    {
        var rest = NotIn(message, reasons);
        return rest.Count == 0 ? message : message + separator + string.Join("; ", rest.Select(r => r.Message));
    }

    /// <summary>"message (code)", or the message alone when it is the code.</summary>
    public static string Describe(Reason reason) =>
        string.Equals(reason.Message.Trim(), reason.Code, StringComparison.OrdinalIgnoreCase) ? reason.Message : $"{reason.Message} ({reason.Code})";
}
