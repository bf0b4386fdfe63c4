namespace Autoship.Core.Planning;

/// <summary>
/// Which observed issues wait for others: the forge's own "blocked by" links plus the body's <c>Blocked by #N</c> lines.
/// An open, unknown or closed-as-not-planned blocker holds the item back (fail closed); only a completed one lets it go.
/// Every issue in a cycle of open blockers is told so, with the whole cycle.
/// </summary>
public static class DependencyGraph
{
    public static IReadOnlyDictionary<int, DependencyStatus> Evaluate(RepositorySnapshot snapshot)
    {
        var observed = snapshot.Issues.ToDictionary(i => i.Number);
        var blockers = new Dictionary<int, List<IssueLink>>();
        foreach (var issue in snapshot.Issues)
        {
            var links = new List<IssueLink>();
            foreach (var link in issue.BlockedBy)
            {
                // A blocker in another repository is never one of this repository's observed issues, nor in a cycle here.
                Add(links, link.Repository is null && observed.TryGetValue(link.Number, out var seen) ? new IssueLink(link.Number, seen.Open ? IssueLinkState.Open : link.State) : link);
            }

            foreach (var number in DependencyLines.Parse(issue.Body))
            {
                Add(links, new IssueLink(number, StateOf(snapshot, observed, number)));
            }

            // An issue that waits for nothing (most of them) is in no cycle: it shares DependencyStatus.None.
            if (links.Count > 0)
            {
                blockers[issue.Number] = links;
            }
        }

        var cycles = Cycles(blockers);
        var result = new Dictionary<int, DependencyStatus>(observed.Count);
        foreach (var issue in snapshot.Issues)
        {
            result[issue.Number] = DependencyStatus.None;
        }

        foreach (var (number, links) in blockers)
        {
            var cycle = cycles.GetValueOrDefault(number) ?? [];
            var reasons = new List<Reason>();
            if (cycle.Count > 0)
            {
                var path = string.Join(" → ", cycle.Append(cycle[0]).Select(n => "#" + n));
                reasons.Add(new("dependency-cycle", $"{path} depend on each other in a cycle, so none of them can start: remove one of the dependencies"));
            }

            reasons.AddRange(links.Where(l => l.Number != number || l.Repository is not null).Select(l => l.State switch
            {
                IssueLinkState.Open => new Reason("blocked-by", $"blocked by {l.Display} until it closes"),
                IssueLinkState.NotPlanned => new Reason("blocker-not-planned",
                    $"blocked by {l.Display}, which was closed as not planned: that is not done, so remove the dependency or reopen {l.Display}"),
                IssueLinkState.Unknown => new Reason("blocker-unknown", $"blocked by {l.Display}, whose state could not be read: it waits until {l.Display} is known to be closed as done"),
                _ => null,
            }).Where(r => r is not null).Select(r => r!));
            result[number] = new DependencyStatus(links, cycle, reasons);
        }

        return result;
    }

    private static void Add(List<IssueLink> links, IssueLink link)
    {
        if (!links.Any(l => l.Number == link.Number && l.Repository == link.Repository))
        {
            links.Add(link);
        }
    }

    private static IssueLinkState StateOf(RepositorySnapshot snapshot, Dictionary<int, IssueSnapshot> observed, int number) =>
        observed.TryGetValue(number, out var issue) ? (issue.Open ? IssueLinkState.Open : IssueLinkState.Completed)
        : snapshot.ReferencedIssues.TryGetValue(number, out var state) ? state
        : IssueLinkState.Unknown;

    /// <summary>Strongly connected components (Tarjan, iterative) over open blockers; each member of a cycle maps to the cycle, smallest number first.</summary>
    private static Dictionary<int, IReadOnlyList<int>> Cycles(Dictionary<int, List<IssueLink>> blockers)
    {
        var edges = blockers.ToDictionary(
            b => b.Key,
            b => b.Value.Where(l => l.State == IssueLinkState.Open && l.Repository is null && blockers.ContainsKey(l.Number)).Select(l => l.Number).ToList());
        var index = new Dictionary<int, int>();
        var low = new Dictionary<int, int>();
        var stack = new Stack<int>();
        var onStack = new HashSet<int>();
        var result = new Dictionary<int, IReadOnlyList<int>>();
        var next = 0;
        foreach (var root in edges.Keys.Order())
        {
            if (index.ContainsKey(root))
            {
                continue;
            }

            var work = new Stack<(int Node, int Edge)>();
            work.Push((root, 0));
            index[root] = low[root] = next++;
            stack.Push(root);
            onStack.Add(root);
            while (work.Count > 0)
            {
                var (node, edge) = work.Pop();
                if (edge < edges[node].Count)
                {
                    work.Push((node, edge + 1));
                    var to = edges[node][edge];
                    if (!index.ContainsKey(to))
                    {
                        index[to] = low[to] = next++;
                        stack.Push(to);
                        onStack.Add(to);
                        work.Push((to, 0));
                    }
                    else if (onStack.Contains(to))
                    {
                        low[node] = Math.Min(low[node], index[to]);
                    }

                    continue;
                }

                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[node]);
                }

                if (low[node] == index[node])
                {
                    var component = new List<int>();
                    int member;
                    do
                    {
                        member = stack.Pop();
                        onStack.Remove(member);
                        component.Add(member);
                    }
                    while (member != node);

                    if (component.Count > 1 || edges[node].Contains(node))
                    {
                        var ordered = Order(component, edges);
                        foreach (var m in component)
                        {
                            result[m] = ordered;
                        }
                    }
                }
            }
        }

        return result;
    }

    /// <summary>A readable cycle: from the smallest member, following blockers inside the component.</summary>
    private static IReadOnlyList<int> Order(List<int> component, Dictionary<int, List<int>> edges)
    {
        var members = component.ToHashSet();
        var path = new List<int> { component.Min() };
        while (path.Count < members.Count && edges[path[^1]].Where(members.Contains).Where(n => !path.Contains(n)).Order().FirstOrDefault() is var n && n != 0)
        {
            path.Add(n);
        }

        return path.Count == members.Count ? path : [.. component.Order()];
    }
}
