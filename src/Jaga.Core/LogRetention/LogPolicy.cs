using Jaga.Core.Plan;

namespace Jaga.Core.LogRetention;

/// <summary>The limits one pass applies to the files of one rule: when to rotate, what to compress, what to keep.</summary>
public sealed record LogPolicy(
    long? MaxSize, TimeSpan? RotateEvery, int? Count, TimeSpan? Keep, long? TotalSize, Compression Compress, bool DelayCompress)
{
    public static LogPolicy From(LogRetentionRule rule) =>
        new(rule.MaxSize, rule.RotateEvery, rule.Count, rule.Keep, rule.TotalSize, rule.Compress, rule.DelayCompress);

    public static LogPolicy From(LogRotation rotation) =>
        new(rotation.MaxSize, rotation.RotateEvery, rotation.Count, rotation.Keep, rotation.TotalSize, rotation.Compress, rotation.DelayCompress);
}
