using System.Text;
using Tokoku.Catalog;

// The shop's tests: each check prints PASS or FAIL with what it saw; the exit code is the number that failed.
var failed = 0;
Check("a category export is read with its shelves", () =>
{
    var tree = CategoryTree.Parse("""{ "Name": "groceries", "Children": [ { "Name": "frozen_food" }, { "Name": "snacks" } ] }""");
    return (string.Join(",", tree.Children.Select(c => c.Name)), "frozen_food,snacks");
});
Check("a shelf's label is its name in words", () => (CategoryTree.Label(new Category { Name = "frozen_food" }), "frozen food"));
// The old shop system nests its shelves 40 deep (each shelf an object in an array: 80 levels of JSON). Newtonsoft.Json 13
// reads at most 64 levels unless told otherwise (its fix for GHSA-5crp-9r3c-p9vr), so updating it breaks this check until
// the shop sets MaxDepth where it reads this trusted export.
Check("the old system's export, 40 shelves deep, is read whole", () =>
{
    var json = new StringBuilder();
    for (var i = 0; i < 40; i++) json.Append($$"""{ "Name": "shelf_{{i}}", "Children": [""");
    for (var i = 0; i < 40; i++) json.Append("]}");
    return (CategoryTree.Depth(CategoryTree.Parse(json.ToString())).ToString(), "40");
});
return failed;

void Check(string name, Func<(string Actual, string Expected)> check)
{
    try
    {
        var (actual, expected) = check();
        if (actual == expected)
        {
            Console.WriteLine($"PASS {name}");
            return;
        }
        Console.WriteLine($"FAIL {name}: expected {expected}, got {actual}");
    }
    catch (Exception e)
    {
        Console.WriteLine($"FAIL {name}: {e.GetType().Name}: {e.Message}");
    }
    failed++;
}
