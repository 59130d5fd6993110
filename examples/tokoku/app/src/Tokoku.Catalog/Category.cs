namespace Tokoku.Catalog;

/// <summary>A shelf of the shop: a name and the shelves under it.</summary>
public sealed class Category
{
    public string Name { get; set; } = "";

    public List<Category> Children { get; set; } = [];
}
