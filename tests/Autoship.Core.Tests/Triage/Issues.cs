namespace Autoship.Core.Tests.Triage;

/// <summary>Issues for triage tests: labels are given as added by a maintainer unless said otherwise.</summary>
internal static class Issues
{
    public static readonly DateTimeOffset T0 = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly Actor Maintainer = new("maria", Permission.Maintain);

    public static IssueSnapshot With(params string[] labels) => By(Maintainer, labels);

    public static IssueSnapshot By(Actor actor, params string[] labels) => new(
        42, "Fix the thing", "body", Open: true, labels, [],
        [.. labels.Select((l, i) => new LabelEvent(l, true, actor, T0.AddMinutes(i)))], T0);
}
