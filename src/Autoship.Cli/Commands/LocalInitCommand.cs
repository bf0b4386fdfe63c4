using Autoship.Cli.Help;
using Autoship.Cli.Context;
using System.CommandLine;
using Autoship.Cli.Local;
using Autoship.Forge.Local;

namespace Autoship.Cli.Commands;

internal static class LocalInitCommand
{
    public static Command Create()
    {
        var dir = new Argument<string>("DIR") { Description = "Directory to create the forge in." };
        var sample = new Option<bool>("--sample") { Description = "Seed the repository with a small sample project (Python, real tests) and sample users." };
        var owner = new Option<string?>("--owner") { Description = "Login of the owner (default: maintainer)." };
        var command = new Command("init", "Create a local forge: a bare git repository with main, and its database.") { dir, sample, owner };
        command.SetAction((parse, ct) => CommandContext.For(parse).RunAsync(async () =>
        {
            var directory = LocalCli.Directory(parse.GetValue(dir));
            var ownerLogin = parse.GetValue(owner) ?? LocalSample.Owner;
            var withSample = parse.GetValue(sample);
            if (LocalForge.Exists(directory))
            {
                throw new CliUsageException($"a local forge already exists at {directory}");
            }

            var seed = withSample ? Path.Combine(Path.GetTempPath(), "autoship-sample-" + Guid.NewGuid().ToString("N")[..12]) : null;
            try
            {
                if (seed is not null)
                {
                    LocalSample.WriteTo(seed, new Dictionary<string, string> { [Autoship.Core.Config.AutoshipConfig.DefaultPath] = Autoship.Core.Config.DefaultConfig.Yaml });
                }

                await using var forge = await LocalForge.InitAsync(directory, ownerLogin, TimeProvider.System, seed, ct);
                if (withSample)
                {
                    await forge.AddUserAsync(LocalSample.Writer, LocalRole.Writer, ct);
                    await forge.AddUserAsync(LocalSample.Reader, LocalRole.Reader, ct);
                }

                var output = parse.InvocationConfiguration.Output;
                output.WriteLine($"Created a local forge at {forge.Directory} (owner {ownerLogin}{(withSample ? $", writer {LocalSample.Writer}, reader {LocalSample.Reader}, sample project on main" : string.Empty)}).");
                output.WriteLine($"  repository: {forge.BareRepository}");
                output.WriteLine($"  next: autoship local issue create --forge {directory} --title \"...\" --label autonomy:ready");
                return ExitCodes.Ok;
            }
            finally
            {
                if (seed is not null && System.IO.Directory.Exists(seed))
                {
                    System.IO.Directory.Delete(seed, recursive: true);
                }
            }
        }));
        return command.WithExamples("autoship local init ./forge", "autoship local init ./forge --sample --owner alice");
    }
}
