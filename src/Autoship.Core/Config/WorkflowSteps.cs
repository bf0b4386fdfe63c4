using System.Text;

namespace Autoship.Core.Config;

/// <summary>The steps both generated workflows share: Autoship pinned by version, and the project's test toolchain.</summary>
public static class WorkflowSteps
{
    /// <summary>The tool's package id (<c>PackageId</c> in <c>src/Autoship.Cli/Autoship.Cli.csproj</c>).</summary>
    public const string PackageId = "Autoship";

    /// <summary>The tool's version (<c>Version</c> in the same file; a test keeps the two equal).</summary>
    public const string DefaultVersion = "0.1.0";

    /// <summary>
    /// Installs the tool at exactly <paramref name="version"/>. With the <c>AUTOSHIP_PACKAGE_SOURCE</c> variable set
    /// (your own feed, e.g. GitHub Packages), that feed is the ONLY source: no other feed can serve a package of the
    /// same id (dependency confusion).
    /// </summary>
    public static string InstallAutoship(string version) => $$$"""
              # Autoship {{{version}}}, the version that wrote this file: bump it deliberately. The package id is
              # {{{PackageId}}}; to install from a feed you control, set the AUTOSHIP_PACKAGE_SOURCE variable (it is
              # then the only source, so no other feed can serve a package of that id).
              - name: Install Autoship
                env:
                  AUTOSHIP_VERSION: "{{{version}}}"
                  AUTOSHIP_PACKAGE_SOURCE: ${{ vars.AUTOSHIP_PACKAGE_SOURCE }}
                run: |
                  if [ -n "$AUTOSHIP_PACKAGE_SOURCE" ]; then
                    printf '<configuration><packageSources><clear /><add key="autoship" value="%s" /></packageSources></configuration>\n' "$AUTOSHIP_PACKAGE_SOURCE" > "$RUNNER_TEMP/autoship.nuget.config"
                    dotnet tool install --global {{{PackageId}}} --version "$AUTOSHIP_VERSION" --configfile "$RUNNER_TEMP/autoship.nuget.config"
                  else
                    dotnet tool install --global {{{PackageId}}} --version "$AUTOSHIP_VERSION"
                  fi
                  echo "$HOME/.dotnet/tools" >> "$GITHUB_PATH"

        """;

    /// <summary>The toolchain setup and the "Install test prerequisites" step for what <c>init</c> detected.</summary>
    public static string TestPrerequisites(IReadOnlyList<TestToolchain> detected)
    {
        var runs = TestScript.Runs(detected);
        var text = new StringBuilder();
        if (runs.Contains(TestToolchain.Npm))
        {
            text.Append($"      - uses: {ActionPins.SetupNode.Uses}\n        with:\n          node-version: \"lts/*\"\n\n");
        }

        if (runs.Contains(TestToolchain.Pytest) || runs.Contains(TestToolchain.Unittest))
        {
            text.Append($"      - uses: {ActionPins.SetupPython.Uses}\n        with:\n          python-version: \"3.x\"\n\n");
        }

        if (runs.Contains(TestToolchain.Go))
        {
            text.Append($"      - uses: {ActionPins.SetupGo.Uses}\n        with:\n          go-version-file: go.mod\n\n");
        }

        var commands = runs.Select(TestScript.Prerequisite).OfType<string>().ToList();
        text.Append("      # What scripts/test.sh needs (detected by `autoship init`; edit to fit the project).\n");
        text.Append("      - name: Install test prerequisites\n        run: |\n");
        foreach (var command in commands.Count > 0 ? commands : ["echo \"no test prerequisites detected; add the project's install commands to this step\""])
        {
            text.Append("          ").Append(command).Append('\n');
        }

        return text.Append('\n').ToString();
    }
}
