namespace Autoship.Core.Tests.Queue;

/// <summary>Generated sets of changes that each pass alone but break together (pairs and triples), and a validator that knows them.</summary>
internal static class Conflicts
{
    public static IReadOnlyList<int[]> Generate(System.Random random, int count)
    {
        var sets = new List<int[]>();
        for (var i = 0; i < random.Next(0, 4); i++)
        {
            var arity = random.Next(2, 4);
            if (arity <= count)
            {
                sets.Add([.. Enumerable.Range(1, count).OrderBy(_ => random.Next()).Take(arity)]);
            }
        }

        return sets;
    }

    public static bool Breaks(IReadOnlyList<int[]> breaking, IReadOnlyCollection<int> present) => breaking.Any(set => set.All(present.Contains));
}
