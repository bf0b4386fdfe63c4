using Autoship.Cli;

return await AutoshipCli.RunAsync(args);
