using System.Text;
using Autoship.Forge;

namespace Autoship.Agents;

/// <summary>The review text posted on the pull request: verdict, findings, and why it failed closed when it did.</summary>
public static class ReviewBody
{
    public static string Render(string reviewer, ReviewVerdict verdict, IReadOnlyList<Finding> findings, string? failedClosedReason)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"**{reviewer}**: {(verdict == ReviewVerdict.Approve ? "approve" : "request changes")}");
        if (failedClosedReason is not null)
        {
            sb.AppendLine();
            sb.AppendLine($"Not approved because the review could not be completed: {failedClosedReason}");
        }

        if (findings.Count > 0)
        {
            sb.AppendLine();
            foreach (var f in findings)
            {
                sb.AppendLine($"- [{f.Rubric}/{f.Severity}] {(f.Path is null ? string.Empty : $"`{f.Path}`: ")}{f.Message}");
            }
        }

        return sb.ToString().TrimEnd() + "\n";
    }
}
