namespace Autoship.Core;

/// <summary>"a reviewer", "an owner": the indefinite article a word takes (by its first letter; good enough for our own words).</summary>
public static class Article
{
    public static string A(string word) => (word.Length > 0 && "aeiouAEIOU".Contains(word[0], StringComparison.Ordinal) ? "an " : "a ") + word;
}
