using Jaga.Core.Updates.Unused;

namespace Jaga.Updates.Tests.Unused;

public sealed class PythonImportsTests
{
    [Fact]
    public void Every_form_of_import_names_its_modules_and_their_parents()
    {
        const string source = """
            import os, sys
            import numpy as np
            import xml.etree.ElementTree as ET
            from requests.adapters import HTTPAdapter
            from google import protobuf
            from . import sibling
            from .models import User
            try:
                import ujson as json
            except ImportError:
                import json
            import yaml; import toml
            from typing import (
                Any,
            )
            mod = importlib.import_module("redis.client")
            legacy = __import__('six')
            """;

        var found = PythonImports.Modules(source);

        foreach (var name in new[] { "os", "sys", "numpy", "xml", "xml.etree", "xml.etree.ElementTree", "requests", "requests.adapters", "requests.adapters.HTTPAdapter", "google", "google.protobuf", "ujson", "json", "yaml", "toml", "typing", "redis", "redis.client", "six" })
        {
            Assert.Contains(name, found);
        }
        Assert.DoesNotContain(found, m => m.StartsWith('.') || m == "sibling" || m == "models");
        Assert.DoesNotContain("np", found);
        Assert.DoesNotContain("ET", found);
    }

    [Fact]
    public void Comments_and_words_in_prose_do_not_count()
    {
        const string source = """
            # import pandas
            x = 1  # from flask import Flask
            print("we import nothing here")
            reimport = 2
            """;

        Assert.Empty(PythonImports.Modules(source));
    }

    [Fact]
    public void An_import_line_inside_a_docstring_counts_a_known_limit_of_a_text_scan()
    {
        // The scanner reads lines, not Python: a docstring's example counts as an import (a false "used", the safe side).
        const string source = "def f():\n    \"\"\"Use it like this:\n\n    import boto3\n    \"\"\"\n";

        Assert.Contains("boto3", PythonImports.Modules(source));
    }
}
