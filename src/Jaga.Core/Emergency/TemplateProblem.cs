using Jaga.Core.Messages;

namespace Jaga.Core.Emergency;

/// <summary>A <c>${…}</c> that cannot be read, at <paramref name="Offset"/> in the text, with how to fix it.</summary>
public sealed record TemplateProblem(int Offset, Phrase Message, Phrase Hint);
