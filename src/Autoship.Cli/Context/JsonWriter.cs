using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Autoship.Cli.Reporting;

namespace Autoship.Cli.Context;

/// <summary>Writes one JSON document in the CLI's one style, narrowed to the chosen fields and filtered by jq when asked.</summary>
internal static class JsonWriter
{
    public static string Render(object value, IReadOnlyList<string> fields)
    {
        var node = JsonSerializer.SerializeToNode(value, JsonOutput.Options);
        if (fields.Count > 0)
        {
            node = Select(node, fields);
        }

        return Autoship.Engine.Json.AsciiJson.Escape(node?.ToJsonString(JsonOutput.Options) ?? "null");
    }

    /// <summary>Keeps only <paramref name="fields"/> of an object (of each element of an array), or a usage error naming the fields there are.</summary>
    public static JsonNode? Select(JsonNode? node, IReadOnlyList<string> fields)
    {
        switch (node)
        {
            case JsonArray array:
                var narrowed = new JsonArray();
                foreach (var item in array)
                {
                    narrowed.Add(Select(item, fields));
                }

                return narrowed;
            case JsonObject obj:
                var unknown = fields.Where(f => !obj.ContainsKey(f)).ToList();
                if (unknown.Count > 0)
                {
                    throw new CliUsageException($"unknown JSON field{(unknown.Count == 1 ? string.Empty : "s")} {string.Join(", ", unknown.Select(u => $"'{u}'"))}: the fields are {string.Join(", ", obj.Select(p => p.Key))}");
                }

                var result = new JsonObject();
                foreach (var field in fields.Distinct(StringComparer.Ordinal))
                {
                    result[field] = obj[field]?.DeepClone();
                }

                return result;
            default:
                throw new CliUsageException("--json FIELDS needs an object or a list of objects; this command prints a plain value: use --json alone");
        }
    }

    /// <summary>Runs <c>jq -r EXPRESSION</c> over <paramref name="json"/> (gh prints strings raw too); a bad expression is a usage error.</summary>
    public static async Task<string> JqAsync(string json, string expression, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo("jq") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // Raw strings, as gh prints them: a --jq answer is the user's data, not JSON. (jq 1.6's -a would quote every
        // raw string, breaking `--jq .title` in scripts; JSON values jq prints are still the ASCII JSON it was given.)
        psi.ArgumentList.Add("-r");
        psi.ArgumentList.Add(expression);
        Process? jq;
        try
        {
            jq = Process.Start(psi);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            jq = null;
        }

        if (jq is null)
        {
            throw new CliUsageException("--jq needs the jq program on PATH (Debian/Ubuntu: apt install jq; macOS: brew install jq), or use --json and your own filter");
        }

        using (jq)
        {
            var stdout = jq.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = jq.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await jq.StandardInput.WriteAsync(json.AsMemory(), cancellationToken);
                jq.StandardInput.Close();
            }
            catch (IOException)
            {
                // jq stopped reading (a bad expression ends it before it reads): its exit code and message say why.
            }

            await jq.WaitForExitAsync(cancellationToken);
            if (jq.ExitCode != 0)
            {
                throw new CliUsageException($"--jq '{expression}': {(await stderr).Trim().Replace("jq: error: ", string.Empty, StringComparison.Ordinal)}");
            }

            return (await stdout).TrimEnd('\n');
        }
    }
}
