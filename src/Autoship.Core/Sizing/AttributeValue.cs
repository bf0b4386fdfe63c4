namespace Autoship.Core;

/// <summary>An attribute's state for one path: <c>set</c>, <c>unset</c>, <c>unspecified</c> or a value.</summary>
public readonly record struct AttributeValue(AttributeKind Kind, string? Text = null)
{
    public static AttributeValue Unspecified { get; } = new(AttributeKind.Unspecified);

    public static AttributeValue Set { get; } = new(AttributeKind.Set);

    public static AttributeValue Unset { get; } = new(AttributeKind.Unset);

    /// <summary><c>attr=text</c>; git reads <c>attr=true</c> as a value "true", not as set.</summary>
    public static AttributeValue Of(string text) => new(AttributeKind.Value, text);

    /// <summary>What <c>git check-attr</c> prints for this state.</summary>
    public override string ToString() => Kind switch
    {
        AttributeKind.Set => "set",
        AttributeKind.Unset => "unset",
        AttributeKind.Value => Text ?? string.Empty,
        _ => "unspecified",
    };
}
