using Autoship.Core;

namespace Autoship.Forge.GitHub;

/// <summary>The GitHub repository settings Autoship cares about, and what the token may do there.</summary>
public sealed record RepositorySettings(string DefaultBranch, bool AllowAutoMerge, bool AllowSquashMerge, Permission TokenPermission);
