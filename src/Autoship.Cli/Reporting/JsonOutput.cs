using System.Text.Json;
using System.Text.Json.Serialization;

namespace Autoship.Cli.Reporting;

/// <summary>One JSON object per command on stdout: camelCase, enums as lower-case strings.</summary>
internal static class JsonOutput
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}
