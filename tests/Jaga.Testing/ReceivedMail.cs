namespace Jaga.Testing;

/// <summary>A message smtp4dev received, as its API lists it.</summary>
/// <param name="Id">The id its API uses for the message's source and text.</param>
/// <param name="From">The sender.</param>
/// <param name="To">The recipients.</param>
/// <param name="Subject">The decoded subject.</param>
public sealed record ReceivedMail(string Id, string From, IReadOnlyList<string> To, string Subject);
