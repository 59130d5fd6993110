using Jaga.Core.Messages;

namespace Jaga.Dashboard.Monitoring;

/// <summary>What the pager under a list of checks needs: which page, the page's path and the words.</summary>
public sealed record Pager(PageOf Page, string Path, Catalog Words)
{
    public string Link(int number) => number == 1 ? Path : $"{Path}?p={number}";
}
