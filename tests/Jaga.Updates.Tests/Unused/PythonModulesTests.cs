using Jaga.Core.Updates.Unused;

namespace Jaga.Updates.Tests.Unused;

public sealed class PythonModulesTests
{
    [Theory]
    [InlineData("requests", "requests")]
    [InlineData("Flask-SQLAlchemy", "flask_sqlalchemy")]
    [InlineData("typing.extensions", "typing_extensions")]
    [InlineData("PyYAML", "yaml")]
    [InlineData("beautifulsoup4", "bs4")]
    [InlineData("Pillow", "PIL")]
    [InlineData("scikit-learn", "sklearn")]
    [InlineData("scikit_learn", "sklearn")]
    [InlineData("python-dateutil", "dateutil")]
    [InlineData("opencv-python", "cv2")]
    [InlineData("protobuf", "google.protobuf")]
    public void The_module_of_a_distribution(string distribution, string module) =>
        Assert.Contains(module, PythonModules.Of(distribution));

    [Fact]
    public void A_record_gives_the_top_level_packages_and_modules()
    {
        const string record = """
            yaml/__init__.py,sha256=abc,12345
            yaml/composer.py,sha256=def,4567
            _yaml/__init__.py,sha256=ghi,1402
            PyYAML-6.0.1.dist-info/METADATA,sha256=jkl,2000
            PyYAML-6.0.1.dist-info/RECORD,,
            six.py,sha256=mno,34549
            ../../../bin/yamlcli,sha256=pqr,200
            __pycache__/six.cpython-312.pyc,,
            """;

        Assert.Equal(["_yaml", "six", "yaml"], PythonModules.FromRecord(record).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_module_counts_as_imported_by_its_dotted_name_or_without_case()
    {
        var imported = PythonImports.Modules("from google.protobuf import message\nimport mysqldb\n");

        Assert.True(PythonModules.Imported(PythonModules.Of("protobuf"), imported));
        Assert.True(PythonModules.Imported(PythonModules.Of("mysqlclient"), imported));
        Assert.False(PythonModules.Imported(PythonModules.Of("grpcio"), imported));
    }
}
