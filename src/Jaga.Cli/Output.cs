using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace Jaga.Cli;

/// <summary>Where the CLI writes: Spectre.Console tables on a terminal, plain text when piped, JSON with --json.</summary>
internal sealed class Output(bool json, TextWriter stdout, TextWriter stderr, bool terminal)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public bool Json { get; } = json;

    public bool Terminal { get; } = terminal && !json;

    public TextWriter Out => stdout;

    public static Output ForConsole(bool json) =>
        new(json, Console.Out, Console.Error, !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null);

    public void Line(string text = "") => stdout.WriteLine(text);

    public void Error(string text) => stderr.WriteLine(text);

    /// <summary>Prints a secret on purpose, unmasked: the one way a command shows one (<c>jaga ping NAME --show-url</c>
    /// prints the ping URL with its token). Every other output keeps secrets out.</summary>
    public void Reveal(string text) => stdout.WriteLine(text);

    public void Write(JsonNode node) => stdout.WriteLine(node.ToJsonString(Indented));

    /// <summary>A listing: a table on a terminal, tab-separated lines (with a header) otherwise.</summary>
    public void Table(string[] headers, IEnumerable<string[]> rows)
    {
        if (Terminal)
        {
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var h in headers) table.AddColumn(Markup.Escape(h));
            foreach (var r in rows) table.AddRow(r.Select(c => new Text(c)).ToArray<Spectre.Console.Rendering.IRenderable>());
            AnsiConsole.Write(table);
            return;
        }
        stdout.WriteLine(string.Join('\t', headers));
        foreach (var r in rows) stdout.WriteLine(string.Join('\t', r));
    }
}
