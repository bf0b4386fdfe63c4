using System.Text.Json.Serialization;

namespace Autoship.Agents;

/// <summary>What an agent run did. The wire names are the runs table's <c>role</c> column: never rename one.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AgentRole>))]
public enum AgentRole
{
    [JsonStringEnumMemberName("author")] Author,
    [JsonStringEnumMemberName("reviewer")] Reviewer,
}
