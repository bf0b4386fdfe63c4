using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;
using Autoship.Cli.Tests.Onboarding;

namespace Autoship.Cli.Tests;

/// <summary>
/// The tool package as nuget.org would show it: <c>dotnet pack</c> of <c>src/Autoship.Cli</c> (from the build the tests
/// run on, <c>--no-build</c>) into a temporary directory, then its nuspec read back: licence, project and repository
/// URLs, description, readme and tags from <c>Directory.Build.props</c>, each overridable with an MSBuild property.
/// </summary>
public sealed class PackageMetadataTests : IDisposable
{
    private readonly TempDir dir = new();

    [Fact]
    public async Task Pack_Defaults_NuspecHasLicenceUrlsDescriptionReadmeAndTags()
    {
        var (nuspec, files) = await PackAsync("defaults");

        Field(nuspec, "id").ShouldBe("Autoship");
        var license = nuspec.Descendants().Single(e => e.Name.LocalName == "license");
        license.Attribute("type")!.Value.ShouldBe("expression");
        license.Value.ShouldBe("MIT");
        Field(nuspec, "projectUrl").ShouldStartWith("https://");
        var repository = nuspec.Descendants().Single(e => e.Name.LocalName == "repository");
        repository.Attribute("type")!.Value.ShouldBe("git");
        repository.Attribute("url")!.Value.ShouldBe(Field(nuspec, "projectUrl"));
        Field(nuspec, "description").ShouldContain("coding agents");
        Field(nuspec, "readme").ShouldBe("README.md");
        Field(nuspec, "tags").Split(' ').ShouldContain("dotnet-tool");
        Field(nuspec, "authors").ShouldNotBeNullOrWhiteSpace();
        files.ShouldContain("README.md");
        files.ShouldContain("LICENSE");
        File.ReadAllText(Path.Combine(RealRepositories.RepoRoot(), "LICENSE")).ShouldStartWith("MIT License");
    }

    [Fact]
    public async Task Pack_RepositoryUrlOverridden_BothUrlsFollowAndTheLicenceCanChange()
    {
        var (nuspec, _) = await PackAsync("fork", "-p:AutoshipRepositoryUrl=https://git.example.test/team/autoship", "-p:AutoshipLicense=Apache-2.0");

        nuspec.Descendants().Single(e => e.Name.LocalName == "repository").Attribute("url")!.Value.ShouldBe("https://git.example.test/team/autoship");
        Field(nuspec, "projectUrl").ShouldBe("https://git.example.test/team/autoship");
        Field(nuspec, "license").ShouldBe("Apache-2.0");
    }

    private static string Field(XDocument nuspec, string name) => nuspec.Descendants().Single(e => e.Name.LocalName == name).Value;

    private async Task<(XDocument Nuspec, IReadOnlyList<string> Files)> PackAsync(string name, params string[] properties)
    {
        var root = RealRepositories.RepoRoot();
        var configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)))!; // bin/<Debug|Release>/net10.0
        var output = dir.Combine(name);
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])["pack", Path.Combine(root, "src", "Autoship.Cli", "Autoship.Cli.csproj"), "-c", configuration, "--no-build", "-nologo",
            "-o", output, $"-p:NuspecOutputPath={dir.Combine(name + "-nuspec")}/", .. properties])
        {
            psi.ArgumentList.Add(arg);
        }

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        process.ExitCode.ShouldBe(0, await stdout + await stderr);

        var package = Directory.GetFiles(output, "Autoship.*.nupkg").Single();
        using var zip = ZipFile.OpenRead(package);
        await using var entry = zip.GetEntry("Autoship.nuspec")!.Open();
        var nuspec = await XDocument.LoadAsync(entry, LoadOptions.None, TestContext.Current.CancellationToken);
        return (nuspec, zip.Entries.Select(e => e.FullName).ToList());
    }

    public void Dispose() => dir.Dispose();
}
