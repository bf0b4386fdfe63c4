namespace Autoship.Core;

/// <summary>One pattern line of <c>.gitattributes</c>: the files it matches and the words it applies to them, left to right.</summary>
internal sealed record AttributeRule(AttributePattern Pattern, AttributeSetting[] Settings);
