namespace Jaga.Updates.Tests.NuGet;

/// <summary>A NuGet.Config file's text around its sections.</summary>
public static class NuGetConfigText
{
    public static string Of(string sections) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
        {sections}
        </configuration>
        """;
}
