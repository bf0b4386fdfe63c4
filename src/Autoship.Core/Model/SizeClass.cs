namespace Autoship.Core;

/// <summary>Size of a change by changed lines; matches the seed's size labels plus <c>xl</c> for anything larger.</summary>
public enum SizeClass
{
    XS = 0,
    S = 1,
    M = 2,
    L = 3,
    XL = 4,
}

public static class SizeNames
{
    public static string Name(this SizeClass size) => size switch
    {
        SizeClass.XS => "xs",
        SizeClass.S => "s",
        SizeClass.M => "m",
        SizeClass.L => "l",
        _ => "xl",
    };

    public static string Label(this SizeClass size) => "size:" + size.Name();

    public static bool TryParse(string? text, out SizeClass size)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "xs": size = SizeClass.XS; return true;
            case "s": size = SizeClass.S; return true;
            case "m": size = SizeClass.M; return true;
            case "l": size = SizeClass.L; return true;
            case "xl": size = SizeClass.XL; return true;
            default: size = SizeClass.XL; return false;
        }
    }
}
