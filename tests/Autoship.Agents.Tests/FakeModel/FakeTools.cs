using System.Text.Json.Nodes;

namespace Autoship.Agents.Tests.FakeModel;

/// <summary>A tool the CLI offered (its name and JSON-schema parameters) and the call the fake model makes with it.</summary>
public sealed record OfferedTool(string Name, JsonObject? Schema);

public sealed record ToolCall(string Name, JsonObject Arguments);

/// <summary>Picks the CLI's shell tool and builds a call that runs the script's command in the working directory.</summary>
public static class FakeTools
{
    private static readonly string[] ShellNames = ["bash", "shell", "shell_command", "exec_command", "run_shell_command", "local_shell"];

    public static string Command(FakeScript script)
    {
        if (script.Shell is { } shell)
        {
            return shell;
        }

        var path = script.FilePath ?? "CHANGE.md";
        var dir = Path.GetDirectoryName(path);
        return (string.IsNullOrEmpty(dir) ? string.Empty : $"mkdir -p '{dir}' && ") + $"printf '%s\\n' '{script.FileContent}' > '{path}'";
    }

    public static ToolCall? Choose(IEnumerable<OfferedTool> offered, FakeScript script)
    {
        var tool = offered.FirstOrDefault(t => ShellNames.Contains(t.Name.ToLowerInvariant()));
        if (tool is null)
        {
            return null;
        }

        var command = Command(script);
        var props = tool.Schema?["properties"] as JsonObject;
        var args = new JsonObject();
        if (props?.ContainsKey("cmd") == true)
        {
            args["cmd"] = command;
        }
        else if (props?["command"]?["type"]?.GetValue<string>() == "array")
        {
            args["command"] = new JsonArray("bash", "-c", command);
        }
        else
        {
            args["command"] = command;
        }

        if (props?.ContainsKey("description") == true)
        {
            args["description"] = "make the change";
        }

        return new ToolCall(tool.Name, args);
    }
}
