namespace Jaga.Core.Ports;

/// <summary>A person who signs in to the dashboard (schema version 8).</summary>
/// <param name="Name">The sign-in name, unique.</param>
/// <param name="Role">What they may do.</param>
/// <param name="PasswordHash">The password as ASP.NET Core Identity's <c>PasswordHasher</c> hashed it; never the password.</param>
/// <param name="FailedAttempts">Wrong passwords since the last sign-in or lock-out.</param>
/// <param name="LockedUntil">Until when sign-in is refused after too many wrong passwords.</param>
/// <param name="Created">When the user was added.</param>
public sealed record DashboardUser(string Name, DashboardRole Role, string PasswordHash, int FailedAttempts, DateTimeOffset? LockedUntil, DateTimeOffset Created);
