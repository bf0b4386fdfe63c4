using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Autoship.Core.Config;

/// <summary>
/// Wraps YamlDotNet's parser to remember where the last good event ended: some malformed inputs
/// (an unclosed flow sequence before another key) make the scanner throw without a position.
/// </summary>
internal sealed class TrackingParser(IParser inner) : IParser
{
    public Mark LastGood { get; private set; } = Mark.Empty;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        var moved = inner.MoveNext();
        if (moved && inner.Current is { } current)
        {
            LastGood = current.End;
        }

        return moved;
    }
}
