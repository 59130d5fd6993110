// These tests drive Linux tools (pg_dump, psql, tar) and check Unix permissions: they run on Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
