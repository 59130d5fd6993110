using Jaga.Core.Messages;
using Jaga.Core.Updates;
using Jaga.Core.Updates.Unused;
using Jaga.Engine.Updates.Manifests;
using Jaga.Engine.Updates.Unused;

namespace Jaga.Updates.Tests.Unused;

/// <summary>Probably-unused npm and Python dependencies of real small projects written to a temp folder, read through
/// the same manifest discovery and reading the audit uses (no install needed: only sources are scanned).</summary>
public sealed class ScannedProjectTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("jaga-unused-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private void Write(string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private IReadOnlyList<UnusedDependency> Unused()
    {
        var project = ProjectDependencies.Read(root, ManifestDiscovery.Find(root), Catalog.English);
        return UnusedDependencies.Find(root, project.Dependencies);
    }

    private static string Evidence(UnusedDependency u) => Catalog.English.Format(u.Evidence.Key, [.. u.Evidence.Args]);

    [Fact]
    public void An_npm_dependency_no_file_imports_and_no_script_runs_is_probably_unused()
    {
        Write("web/package.json", """
            {
              "name": "toko-web",
              "version": "1.0.0",
              "scripts": { "test": "jest --ci", "build": "tsc -p . && webpack", "lint": "npx eslint ." },
              "dependencies": {
                "express": "^4.18.0",
                "@acme/ui": "1.0.0",
                "lodash": "^4.17.21",
                "moment": "^2.29.0",
                "left-pad": "1.3.0"
              },
              "devDependencies": {
                "jest": "^29.0.0",
                "typescript": "^5.0.0",
                "eslint": "^8.0.0",
                "eslint-plugin-react": "^7.0.0",
                "@types/express": "^4.17.0",
                "@types/node": "^20.0.0",
                "@types/moment": "^2.13.0",
                "webpack": "^5.0.0",
                "nodemon": "^3.0.0"
              }
            }
            """);
        Write("web/src/server.js", "// const moment = require('moment');\nconst express = require('express');\nconst pad = require('lodash/padStart');\n");
        Write("web/src/ui.tsx", "import { Button } from '@acme/ui/button';\nexport const App = () => <Button label=\"don't\" />;\n");
        // Installed, built and hidden code is not the project's own: an import there is no use.
        Write("web/node_modules/x/index.js", "require('left-pad');\n");
        Write("web/dist/bundle.js", "require('nodemon');\n");
        Write("web/.cache/x.js", "require('moment');\n");

        var unused = Unused();

        Assert.Equal(["@types/moment", "left-pad", "moment", "nodemon"], unused.Select(u => u.Dependency.Name).Order(StringComparer.Ordinal));
        Assert.All(unused, u => Assert.Equal(UnusedConfidence.Medium, u.Confidence));
        var pad = unused.Single(u => u.Dependency.Name == "left-pad");
        Assert.Equal("no file under web/ imports or requires it; no script names it (scanned 2 files)", Evidence(pad));
        Assert.Equal(new ManifestLocation("web/package.json", 10), pad.Dependency.Where);
    }

    [Fact]
    public void A_python_requirement_whose_modules_are_never_imported_is_probably_unused()
    {
        Write("requirements.txt", "requests==2.31.0\nPyYAML==6.0.1\nbeautifulsoup4==4.12.0\nnumpy==1.26.0  # pinned\nFlask-SQLAlchemy==3.1.0\npytest==8.0.0\npytest-cov==5.0.0\nredis==5.0.0\n");
        Write("app/main.py", "import requests\nfrom bs4 import BeautifulSoup\n# import numpy as np\n\"\"\"numpy is not needed here\"\"\"\n");
        Write("app/db.py", "from flask_sqlalchemy import SQLAlchemy\n");
        Write("tests/test_main.py", "import yaml\n");
        Write(".venv/lib/python3.12/site-packages/redis/__init__.py", "import numpy\n");
        Write("build/lib/app.py", "import numpy\n");

        var unused = Unused();

        Assert.Equal(["numpy", "redis"], unused.Select(u => u.Dependency.Name).Order(StringComparer.Ordinal));
        var numpy = unused.Single(u => u.Dependency.Name == "numpy");
        Assert.Equal("no .py file under ./ imports numpy (scanned 3 files)", Evidence(numpy));
        Assert.Equal(new ManifestLocation("requirements.txt", 4), numpy.Dependency.Where);
    }

    [Fact]
    public void An_installed_distribution_s_own_metadata_names_its_modules()
    {
        // attrs-like case: the distribution's name says nothing of its module, and the table does not know it.
        Write("requirements.txt", "python-json-logger==2.0.7\nzope.interface==6.0\n");
        Write(".venv/lib/python3.12/site-packages/python_json_logger-2.0.7.dist-info/top_level.txt", "pythonjsonlogger\n");
        Write(".venv/lib/python3.12/site-packages/zope.interface-6.0.dist-info/RECORD", "zope/interface/__init__.py,sha256=x,1\nzope.interface-6.0.dist-info/RECORD,,\n");
        Write("app.py", "from pythonjsonlogger import jsonlogger\n");

        var unused = Unused();

        var zope = Assert.Single(unused);
        Assert.Equal("zope.interface", zope.Dependency.Name);
        Assert.Contains("imports zope", Evidence(zope), StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_that_uses_everything_has_nothing_unused()
    {
        Write("package.json", """{ "name": "a", "dependencies": { "chalk": "^5.0.0" }, "scripts": { "start": "node index.mjs" } }""");
        Write("index.mjs", "import chalk from 'chalk';\n");
        Write("pyproject.toml", "[project]\nname = \"a\"\nversion = \"1\"\ndependencies = [\"Pillow>=10\"]\n");
        Write("img.py", "from PIL import Image\n");

        Assert.Empty(Unused());
    }
}
