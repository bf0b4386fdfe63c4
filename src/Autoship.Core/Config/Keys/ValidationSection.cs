namespace Autoship.Core.Config;

/// <summary>The keys of <c>validation</c>: the validation truth contract.</summary>
internal static class ValidationSection
{
    private static readonly SectionBuilder B = new("validation", "validation", "The validation truth contract: the one entrypoint and the checks that must be green.");

    public static readonly ConfigKey<string> Entrypoint = B.String("entrypoint", "scripts/test.sh", "The repository's one validation command, run on every attempt.",
        nonEmpty: true, check: e => string.IsNullOrWhiteSpace(e) ? "validation.entrypoint may not be empty: it is the repository's one validation command" : null);

    public static readonly ConfigKey<IReadOnlyList<string>> RequiredChecks = B.Strings("requiredChecks", [], "CI check names (as the forge reports them) that must be green; empty: every CI check reported on the head. Autoship's own statuses (autoship/gate, autoship/queue, autoship/review) never count.",
        check: names => names.FirstOrDefault(OwnStatus.Is) is { } own
            ? $"validation.requiredChecks names {own}, a status Autoship itself publishes: the gate would wait for its own decision; name your CI's checks (as the forge reports them) instead"
            : null);

    public static readonly ConfigSection Section = B.Build();

    public static ValidationSettings Read(MapView view) => new(Entrypoint.Read(view), RequiredChecks.Read(view));
}
