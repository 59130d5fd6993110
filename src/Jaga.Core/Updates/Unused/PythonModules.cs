namespace Jaga.Core.Updates.Unused;

/// <summary>The top-level modules a Python distribution provides, when its installed metadata is not at hand: its name
/// normalized (PEP 503) with <c>-</c> as <c>_</c> (<c>Flask-SQLAlchemy</c> → <c>flask_sqlalchemy</c>), or the
/// well-known exceptions below. An installed distribution's <c>top_level.txt</c> or <c>RECORD</c> is better evidence and
/// wins (<see cref="FromRecord"/>).</summary>
public static class PythonModules
{
    /// <summary>Distributions whose module is named otherwise, keyed by normalized name.</summary>
    private static readonly Dictionary<string, string[]> Known = new(StringComparer.Ordinal)
    {
        ["pyyaml"] = ["yaml"],
        ["beautifulsoup4"] = ["bs4"],
        ["pillow"] = ["PIL"],
        ["scikit-learn"] = ["sklearn"],
        ["scikit-image"] = ["skimage"],
        ["python-dateutil"] = ["dateutil"],
        ["opencv-python"] = ["cv2"],
        ["opencv-python-headless"] = ["cv2"],
        ["opencv-contrib-python"] = ["cv2"],
        ["protobuf"] = ["google.protobuf"],
        ["grpcio"] = ["grpc"],
        ["python-dotenv"] = ["dotenv"],
        ["pyjwt"] = ["jwt"],
        ["psycopg2-binary"] = ["psycopg2"],
        ["mysqlclient"] = ["MySQLdb"],
        ["pymysql"] = ["pymysql"],
        ["attrs"] = ["attr", "attrs"],
        ["setuptools"] = ["setuptools", "pkg_resources"],
        ["pycryptodome"] = ["Crypto"],
        ["pycryptodomex"] = ["Cryptodome"],
        ["pyopenssl"] = ["OpenSSL"],
        ["dnspython"] = ["dns"],
        ["gitpython"] = ["git"],
        ["pyserial"] = ["serial"],
        ["pyzmq"] = ["zmq"],
        ["python-magic"] = ["magic"],
        ["ruamel-yaml"] = ["ruamel.yaml"],
        ["msgpack-python"] = ["msgpack"],
        ["faiss-cpu"] = ["faiss"],
        ["google-cloud-storage"] = ["google.cloud.storage"],
        ["google-api-python-client"] = ["googleapiclient"],
        ["typing-extensions"] = ["typing_extensions"],
        ["python-multipart"] = ["multipart", "python_multipart"],
        ["pywin32"] = ["win32api", "win32con", "pywintypes"],
    };

    /// <summary>The dotted module names <paramref name="distribution"/> is imported as.</summary>
    public static IReadOnlyList<string> Of(string distribution)
    {
        var normalized = PackageNames.Normalize(Ecosystem.PyPI, distribution);
        return Known.TryGetValue(normalized, out var modules) ? modules : [normalized.Replace('-', '_')];
    }

    /// <summary>The top-level modules an installed distribution's <c>RECORD</c> lists: the first folder of each
    /// <c>.py</c> file (or the file itself), leaving out the <c>.dist-info</c>, <c>bin</c> and <c>..</c> entries.</summary>
    public static IReadOnlyList<string> FromRecord(string record) =>
        [.. record.Split('\n')
            .Select(line => line.Split(',')[0].Trim())
            .Where(path => path.EndsWith(".py", StringComparison.Ordinal) || path.Contains('/', StringComparison.Ordinal))
            .Select(path => path.Split('/')[0])
            .Where(top => top.Length > 0 && !top.EndsWith(".dist-info", StringComparison.Ordinal) && !top.EndsWith(".data", StringComparison.Ordinal)
                && top != ".." && top != "__pycache__" && !top.StartsWith('.'))
            .Select(top => top.EndsWith(".py", StringComparison.Ordinal) ? top[..^3] : top)
            .Where(top => !top.Contains('.', StringComparison.Ordinal) && !top.Contains('-', StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)];

    /// <summary>The lines of a <c>top_level.txt</c>.</summary>
    public static IReadOnlyList<string> FromTopLevel(string text) =>
        [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal)];

    /// <summary>Whether any of <paramref name="modules"/> is among the names imported (compared without case: a
    /// module's case rarely differs from its distribution's by design, and a false "used" is the safe side).</summary>
    public static bool Imported(IReadOnlyList<string> modules, IReadOnlySet<string> imported) =>
        modules.Any(m => imported.Contains(m) || imported.Any(i => string.Equals(i, m, StringComparison.OrdinalIgnoreCase)));
}
