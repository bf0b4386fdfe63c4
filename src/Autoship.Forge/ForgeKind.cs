namespace Autoship.Forge;

/// <summary>One kind of forge that <c>--forge KIND:TARGET</c> can name: how it is written and which targets it takes.</summary>
public sealed record ForgeKind(string Name, string Usage, string Example, Func<string, bool> AcceptsTarget);
