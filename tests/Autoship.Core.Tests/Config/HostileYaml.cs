using System.Text;
using Autoship.Core.Config;

namespace Autoship.Core.Tests.Config;

/// <summary>A seeded generator of hostile configuration files, one kind per <c>index % kinds</c>.</summary>
internal static class HostileYaml
{
    private static readonly string[] Fragments =
        ["{", "}", "[", "]", ":", "- ", "&a ", "*a", "!!str ", "\t", "\"", "'", "#", "\n", "  ", "---\n", "? ", "|", ">", "%YAML 1.2\n", "\u0000", "\uFFFD"];

    public static string AliasBomb(int levels)
    {
        var text = new StringBuilder("version: 1\nl0: &l0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (var i = 1; i <= levels; i++)
        {
            text.Append($"l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 9))}]\n");
        }

        return text.ToString();
    }

    /// <summary>The <paramref name="index"/>-th hostile file for <paramref name="seed"/>: same inputs, same bytes.</summary>
    public static byte[] Case(int seed, int index)
    {
        var random = new Random(HashCode.Combine(seed, index));
        var text = (index % 12) switch
        {
            0 => AliasBomb(random.Next(3, 12)),
            1 => "version: 1\nx: " + new string('[', random.Next(10, 200_000)),
            2 => "version: 1\nx: " + string.Concat(Enumerable.Repeat("{a: ", random.Next(10, 50_000))) + "1" + new string('}', random.Next(0, 100)),
            3 => "version: 1\ndescription: \"" + new string('x', random.Next(1_000, 200_000)) + "\"\n",
            4 => DefaultConfig.Yaml.Replace("  ", "\t", random.Next(2) == 0 ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase),
            5 => DefaultConfig.Yaml + "\nloop:\n  schedule: \"* * * * *\"\n",
            6 => ConfigYaml.Base.Replace("version: 1", random.Next(3) switch { 0 => "version: [1]", 1 => "version: one", _ => "version: 99999999999999999999" }, StringComparison.Ordinal),
            7 => Mutate(random, DefaultConfig.Yaml, random.Next(1, 20)),
            8 => Mutate(random, ConfigYaml.Base, random.Next(1, 8)),
            9 => ConfigYaml.Base + "rules:\n  content:\n    - { id: r, pattern: '" + Pick(random, ["", "(", "a**", "x*", "(?<n", "[z-a]", ".*"]) + "', action: forbid, reason: r }\n",
            10 => "version: 1\n" + string.Concat(Enumerable.Range(0, random.Next(1, 2_000)).Select(i => $"k{i}: &a{i} *a{Math.Max(0, i - 1)}\n")),
            _ => ConfigYaml.Base.Replace("\"docs/**\"", Pick(random, ["\"\"", "\" \"", "[]", "{}", "\"[\"", "\"a/***/b\"", "~", "*nope"]), StringComparison.Ordinal),
        };
        var bytes = Encoding.UTF8.GetBytes(text);
        if (index % 5 == 4 && bytes.Length > 0)
        {
            bytes[random.Next(bytes.Length)] = (byte)random.Next(0x80, 0x100); // a stray byte that is rarely valid UTF-8
        }

        return bytes;
    }

    private static string Mutate(Random random, string text, int edits)
    {
        var builder = new StringBuilder(text);
        for (var i = 0; i < edits; i++)
        {
            var at = random.Next(builder.Length + 1);
            switch (random.Next(3))
            {
                case 0:
                    builder.Insert(at, Pick(random, Fragments));
                    break;
                case 1 when at < builder.Length:
                    builder.Remove(at, Math.Min(random.Next(1, 40), builder.Length - at));
                    break;
                default:
                    var from = random.Next(builder.Length);
                    builder.Insert(at, builder.ToString(from, Math.Min(random.Next(1, 80), builder.Length - from)));
                    break;
            }
        }

        return builder.ToString();
    }

    private static string Pick(Random random, string[] choices) => choices[random.Next(choices.Length)];
}
