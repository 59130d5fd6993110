using Jaga.Core.Migration;
using Jaga.Core.Plan;

namespace Jaga.Migration.Tests.Export;

public sealed class PgTypeMappingTests
{
    [Theory]
    [InlineData("INTEGER", "bigint")]
    [InlineData("int", "bigint")]
    [InlineData("VARCHAR(40)", "text")]
    [InlineData("TEXT", "text")]
    [InlineData("", "text")]
    [InlineData("BLOB", "bytea")]
    [InlineData("REAL", "double precision")]
    [InlineData("DOUBLE PRECISION", "double precision")]
    [InlineData("NUMERIC(10,2)", "numeric(10,2)")]
    [InlineData("DECIMAL", "numeric")]
    [InlineData("MONEY", "numeric")]
    [InlineData("BOOLEAN", "boolean")]
    [InlineData("DATETIME", "timestamptz")]
    [InlineData("TIMESTAMP", "timestamptz")]
    [InlineData("DATE", "date")]
    [InlineData("TIME", "time")]
    [InlineData("UUID", "uuid")]
    [InlineData("JSON", "jsonb")]
    public void Sqlite_declared_types_map_by_affinity_after_the_names_that_say_more(string declared, string pg) =>
        Assert.Equal(pg, PgTypeMapping.Map(DatabaseKind.Sqlite, declared));

    [Theory]
    [InlineData("tinyint(1)", "boolean")]
    [InlineData("bit(1)", "boolean")]
    [InlineData("tinyint(4)", "smallint")]
    [InlineData("int(11)", "integer")]
    [InlineData("int(10) unsigned", "bigint")]
    [InlineData("bigint(20)", "bigint")]
    [InlineData("bigint(20) unsigned", "numeric(20)")]
    [InlineData("decimal(12,3)", "numeric(12,3)")]
    [InlineData("float", "real")]
    [InlineData("double", "double precision")]
    [InlineData("varchar(255)", "text")]
    [InlineData("enum('a','b')", "text")]
    [InlineData("longblob", "bytea")]
    [InlineData("datetime(6)", "timestamp")]
    [InlineData("timestamp(6)", "timestamptz")]
    [InlineData("json", "jsonb")]
    public void Mysql_column_types_map_like_pgloader_with_booleans_detected(string columnType, string pg) =>
        Assert.Equal(pg, PgTypeMapping.Map(DatabaseKind.Mysql, columnType));

    [Theory]
    [InlineData("numeric(10,2)", PgTypeKind.Numeric)]
    [InlineData("timestamp(3) with time zone", PgTypeKind.TimestampTz)]
    [InlineData("timestamp without time zone", PgTypeKind.Timestamp)]
    [InlineData("character varying(20)", PgTypeKind.Text)]
    [InlineData("integer[]", PgTypeKind.Text)]
    [InlineData("double precision", PgTypeKind.Double)]
    public void A_manifest_pg_type_reads_as_its_kind(string pgType, PgTypeKind kind) => Assert.Equal(kind, PgTypes.KindOf(pgType));
}
