namespace Autoship.Core.Config;

/// <summary>A test runner <c>autoship init</c> recognised in the repository (detection is the CLI's job).</summary>
public enum TestToolchain
{
    /// <summary>A <c>*.sln</c>, <c>*.slnx</c> or <c>*.csproj</c> at the root: <c>dotnet test</c>.</summary>
    Dotnet,

    /// <summary><c>package.json</c> with a real <c>test</c> script: <c>npm test</c>.</summary>
    Npm,

    /// <summary>pytest configuration or <c>tests/*.py</c>: <c>python3 -m pytest</c>.</summary>
    Pytest,

    /// <summary>
    /// A <c>tests</c> package (<c>tests/__init__.py</c>) of <c>unittest</c> tests and no sign of pytest (no pytest
    /// configuration, no <c>import pytest</c>): <c>python3 -m unittest discover -s tests -t .</c> (standard library only).
    /// </summary>
    Unittest,

    /// <summary><c>go.mod</c>: <c>go test ./...</c>.</summary>
    Go,

    /// <summary><c>Cargo.toml</c>: <c>cargo test</c>.</summary>
    Cargo,

    /// <summary>A Makefile with a <c>test:</c> target: <c>make test</c>.</summary>
    Make,
}
