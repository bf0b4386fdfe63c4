namespace Autoship.Core;

/// <summary>One word of an attributes line: an attribute and the state it gives.</summary>
internal readonly record struct AttributeSetting(string Name, AttributeValue Value);
