namespace Autoship.Core.Config;

/// <summary>What a configuration key holds; decides how it is read, its JSON Schema and its README row.</summary>
internal enum KeyType
{
    Const,
    String,
    Boolean,
    Integer,
    Duration,
    Choice,
    Strings,
    Globs,
    Lane,
    Lanes,
    Section,
    List,
    Map,
}
