using System.Text.Json.Serialization;

namespace Jaga.Core.Ledger;

[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(SortedDictionary<string, string>))]
internal sealed partial class AuditJsonContext : JsonSerializerContext;
