using Jaga.Core.Migration;

namespace Jaga.Migration.Tests.Export;

public sealed class ForeignKeyOrderTests
{
    private static (IReadOnlyList<string> Order, IReadOnlyList<IReadOnlyList<string>> Cycles) Sort(params (string Name, string[] Refs)[] tables)
    {
        var (ordered, cycles) = ForeignKeyOrder.Sort(tables, t => t.Name, t => t.Refs);
        return (ordered.Select(t => t.Name).ToList(), cycles);
    }

    [Fact]
    public void Parents_come_before_children_and_names_break_ties()
    {
        var (order, cycles) = Sort(("order_lines", ["orders", "products"]), ("orders", ["customers"]), ("products", []), ("customers", []));
        Assert.Equal(["customers", "orders", "products", "order_lines"], order);
        Assert.Empty(cycles);
    }

    [Fact]
    public void A_table_referencing_itself_or_an_unexported_table_is_no_cycle()
    {
        var (order, cycles) = Sort(("employees", ["employees", "elsewhere"]), ("a", []));
        Assert.Equal(["a", "employees"], order);
        Assert.Empty(cycles);
    }

    [Fact]
    public void A_cycle_is_reported_and_every_table_is_still_ordered()
    {
        var (order, cycles) = Sort(("a", ["b"]), ("b", ["c"]), ("c", ["a"]), ("d", ["a"]), ("e", []));
        Assert.Equal(["a", "b", "c"], Assert.Single(cycles));
        Assert.Equal(5, order.Count);
        Assert.Equal("e", order[0]);
        var list = order.ToList();
        Assert.True(list.IndexOf("d") > list.IndexOf("a"));
    }
}
