namespace Jaga.Core.Ports;

/// <summary>A bearer token for the dashboard's <c>/api</c> endpoints (schema version 8); the store keeps only its hash.</summary>
/// <param name="Id">A short public id, for listing and revoking.</param>
/// <param name="Name">What it is for (<c>grafana</c>, <c>ci</c>).</param>
/// <param name="Role">What it may do.</param>
/// <param name="Hash">The SHA-256 of the token, hex; the token itself is shown once and never kept.</param>
/// <param name="Created">When it was made.</param>
/// <param name="LastUsed">When it last authorised a request.</param>
/// <param name="Revoked">When it was revoked; a revoked token authorises nothing.</param>
public sealed record ApiToken(string Id, string Name, DashboardRole Role, string Hash, DateTimeOffset Created, DateTimeOffset? LastUsed, DateTimeOffset? Revoked);
