namespace Jaga.Core.Plan;

/// <summary>A person to call (<c>emergency.contacts[]</c>), shown in the printable procedure and reachable by a
/// <c>notify</c> step through <paramref name="Email"/>.</summary>
public sealed record Contact(string Name, string? Role, string? Phone, string? Email, string? Chat);
