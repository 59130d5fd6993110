using Humanizer;
using Newtonsoft.Json;

namespace Tokoku.Catalog;

/// <summary>The shop's category tree, as the old shop system exports it: JSON, nested as deep as its shelves go.</summary>
public static class CategoryTree
{
    public static Category Parse(string json) =>
        JsonConvert.DeserializeObject<Category>(json) ?? throw new FormatException("the category export is empty");

    public static int Depth(Category category) => 1 + (category.Children.Count == 0 ? 0 : category.Children.Max(Depth));

    /// <summary>"frozen_food" → "Frozen food", as the shop's menu shows it.</summary>
    public static string Label(Category category) => category.Name.Humanize();
}
