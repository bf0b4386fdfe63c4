namespace Autoship.Core.Config;

/// <summary>
/// The actions the generated workflows use, pinned by commit SHA (a tag can be moved; a commit cannot), with the
/// release the commit is as a comment, so Dependabot and Renovate can still propose updates. Each SHA is the commit
/// the release tag points at in the action's repository.
/// </summary>
public static class ActionPins
{
    public static readonly ActionPin Checkout = new("actions/checkout", "3d3c42e5aac5ba805825da76410c181273ba90b1", "v7.0.1");
    public static readonly ActionPin SetupDotnet = new("actions/setup-dotnet", "a98b56852c35b8e3190ac28c8c2271da59106c68", "v6.0.0");
    public static readonly ActionPin SetupNode = new("actions/setup-node", "820762786026740c76f36085b0efc47a31fe5020", "v7.0.0");
    public static readonly ActionPin SetupPython = new("actions/setup-python", "5fda3b95a4ea91299a34e894583c3862153e4b97", "v7.0.0");
    public static readonly ActionPin SetupGo = new("actions/setup-go", "b7ad1dad31e06c5925ef5d2fc7ad053ef454303e", "v7.0.0");
    public static readonly ActionPin AppToken = new("actions/create-github-app-token", "1b10c78c7865c340bc4f6099eb2f838309f1e8c3", "v3.1.1");
    public static readonly ActionPin Cache = new("actions/cache", "27d5ce7f107fe9357f9df03efb73ab90386fccae", "v5.0.5");
    public static readonly ActionPin UploadArtifact = new("actions/upload-artifact", "bbbca2ddaa5d8feaa63e36b76fdaad77386f024f", "v7.0.0");

    public static IReadOnlyList<ActionPin> All { get; } = [Checkout, SetupDotnet, SetupNode, SetupPython, SetupGo, AppToken, Cache, UploadArtifact];
}
