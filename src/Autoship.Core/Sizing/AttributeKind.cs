namespace Autoship.Core;

/// <summary>How an attribute stands for a path, in <c>git check-attr</c>'s words.</summary>
public enum AttributeKind
{
    Unspecified,
    Set,
    Unset,
    Value,
}
