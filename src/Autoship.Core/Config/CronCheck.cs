using Cronos;

namespace Autoship.Core.Config;

/// <summary>Checks a five-field cron expression the way GitHub Actions' <c>schedule</c> reads it.</summary>
internal static class CronCheck
{
    public static string? Problem(string expression)
    {
        try
        {
            CronExpression.Parse(expression, CronFormat.Standard);
            return null;
        }
        catch (CronFormatException e)
        {
            return e.Message;
        }
    }
}
