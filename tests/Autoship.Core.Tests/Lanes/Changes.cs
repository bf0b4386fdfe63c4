namespace Autoship.Core.Tests.Lanes;

/// <summary>Small changes for lane tests: "path" or "path:added:deleted".</summary>
internal static class Changes
{
    public static ChangedFile[] Files(params string[] specs) => [.. specs.Select(File)];

    public static ChangedFile File(string spec)
    {
        var parts = spec.Split(':');
        return parts.Length == 3
            ? new ChangedFile(parts[0], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture))
            : new ChangedFile(spec, 1, 0) { AddedLines = ["x"] };
    }

    public static ChangedFile WithLines(string path, params string[] added) => new(path, added.Length, 0) { AddedLines = added };
}
