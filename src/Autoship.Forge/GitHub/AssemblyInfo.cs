using System.Runtime.CompilerServices;

// The replay and conformance tests drive the adapter's Octokit client and mapping directly.
[assembly: InternalsVisibleTo("Autoship.Forge.Tests")]
