using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jaga.Core.Plan;

/// <summary>Writes an enum as the plan writes it (<c>zstd</c>, <c>postgres</c>, <c>when_available</c>) in stored JSON such as
/// manifests, so files written before the plan was typed read the same.</summary>
public sealed class PlanWordConverter<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where T : struct, Enum;
