using static Autoship.Core.Tests.Adversarial.AdversarialCases;

namespace Autoship.Core.Tests.Adversarial;

public sealed class DestructiveStatementTests
{
    private static readonly string[] Tables = ["users", "public.users", "\"users\"", "`orders`", "[dbo].[sessions]", "accounts"];

    private static readonly string[] Paths = ["src/cli/db.py", "docs/howto.md", "src/cli/repo.cs", "tests/fixtures.js", "src/cli/store.go"];

    // The destructive statement, split over lines, in any case, with or without a semicolon.
    private static string Statement(Random r)
    {
        var table = Pick(r, Tables);
        var semi = r.Next(2) == 0 ? ";" : string.Empty;
        return r.Next(4) switch
        {
            0 => $"{Case(r, "DELETE")}{Space(r)}{Case(r, "FROM")}{Space(r)}{table}{semi}",
            1 => $"{Case(r, "TRUNCATE")}{Space(r)}{(r.Next(2) == 0 ? Case(r, "TABLE") + Space(r) : string.Empty)}{table}{semi}",
            2 => $"{Case(r, "DROP")}{Space(r)}{Case(r, Pick(r, ["TABLE", "SCHEMA", "DATABASE"]))}{Space(r)}{table}{semi}",
            _ => $"{Case(r, "ALTER")}{Space(r)}{Case(r, "TABLE")}{Space(r)}{table}{Space(r)}{Case(r, "DROP")}{Space(r)}{Case(r, "COLUMN")} name{semi}",
        };
    }

    // The statement wrapped as a language would carry it: Python, C#, JS, Go, raw SQL, concatenated pieces.
    private static string[] Wrap(Random r, string sql)
    {
        var q = Pick(r, new[] { "\"", "'", "`" });
        var text = r.Next(6) switch
        {
            0 => $"cursor.execute({q}{sql}{q})",
            1 => $"await db.ExecuteAsync(@\"{sql}\");",
            2 => $"await knex.raw(`{sql}`);",
            3 => $"_, err := db.Exec(\"{sql.Replace("\n", " ")}\")",
            4 => sql,
            _ => $"query = \"{sql[..(sql.Length / 2)]}\" + \"{sql[(sql.Length / 2)..]}\"",
        };
        return text.Split('\n');
    }

    [Fact]
    public void Classify_GeneratedDestructiveStatements_NeverMergeWithoutHuman()
    {
        var random = new Random(1701);
        for (var i = 0; i < PerClass; i++)
        {
            var sql = Statement(random);
            var lines = Wrap(random, sql);
            var result = Classify([Text(Pick(random, Paths), lines)]);
            NeedsHuman(result).ShouldBeTrue($"case {i}: {string.Join("\\n", lines)}");
        }
    }

    [Fact]
    public void Classify_GeneratedHarmlessStatements_StayAllowedInTheirLane()
    {
        var random = new Random(1702);
        for (var i = 0; i < PerClass; i++)
        {
            var table = Pick(random, Tables);
            var sql = random.Next(3) switch
            {
                0 => $"{Case(random, "DELETE")}{Space(random)}{Case(random, "FROM")} {table}{Space(random)}{Case(random, "WHERE")} id = 1;",
                1 => $"{Case(random, "SELECT")} * {Case(random, "FROM")} {table};",
                _ => $"text = truncate(text, {random.Next(5, 80)})",
            };
            var lines = $"cursor.execute(\"{sql}\")".Split('\n');
            var result = Classify([Text("src/cli/db.py", lines)]);
            result.Allowed.ShouldBeTrue($"case {i}: {string.Join("\\n", lines)} — {string.Join("; ", result.Reasons.Select(x => x.Message))}");
            result.Lane.ShouldBe(Lane.Safe, $"case {i}");
        }
    }
}
