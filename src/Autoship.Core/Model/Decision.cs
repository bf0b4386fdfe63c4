namespace Autoship.Core;

/// <summary>Helpers to build reason lists without ceremony.</summary>
public static class Because
{
    public static Reason Of(string code, string message) => new(code, message);

    public static IReadOnlyList<Reason> One(string code, string message) => [new Reason(code, message)];
}
