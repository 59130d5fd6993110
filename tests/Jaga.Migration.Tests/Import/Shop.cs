using Jaga.Core.Migration;
using static Jaga.Migration.Tests.Import.HandExport;

namespace Jaga.Migration.Tests.Import;

/// <summary>A small shop export: customers (values of every kind the conventions cover, one with a line break) and their
/// orders, with a primary key, a foreign key, an index and auto-numbered ids.</summary>
internal static class Shop
{
    public static readonly ManifestColumn[] CustomerColumns =
    [
        Column("id", "bigint", nullable: false, identity: true), Column("name", "text", nullable: false), Column("note", "text"),
        Column("active", "boolean"), Column("photo", "bytea"), Column("joined", "timestamptz"), Column("score", "numeric(10,2)"),
    ];

    public static readonly ManifestColumn[] OrderColumns =
    [
        Column("id", "bigint", nullable: false, identity: true), Column("customer_id", "bigint", nullable: false), Column("total", "integer"),
    ];

    /// <summary>Record 3 (row 2) spans lines 3 and 4, so record 4 (row 3) is on line 5.</summary>
    public const string Customers =
        "id,name,note,active,photo,joined,score\n" +
        "1,\"Ann \"\"A\"\" Smith, Jr.\",,true,\\xdeadbeef,2025-11-15T02:00:00.123456+07:00,1.50\n" +
        "2,\"\",\"line one\nline two\",false,\\x,,\n" +
        "5,Ünïcödé 日本語 🎉,\"\",,,2026-01-01T00:00:00+00:00,-3.25\n";

    public const string Orders =
        "id,customer_id,total\n" +
        "1,1,100\n" +
        "2,1,250\n" +
        "3,5,\n";

    public static HandExport Export(string customers = Customers, string orders = Orders) =>
        new HandExport()
            .Table("customers", customers, 3, CustomerColumns, ["id"], indexes: [new ManifestIndex("customers_name", ["name"], false)])
            .Table("orders", orders, 3, OrderColumns, ["id"], [new ManifestForeignKey(["customer_id"], "customers", ["id"])],
                [new ManifestIndex("orders_customer", ["customer_id"], false)]);
}
