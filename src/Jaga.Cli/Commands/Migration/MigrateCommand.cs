using System.CommandLine;

namespace Jaga.Cli.Commands.Migration;

/// <summary><c>jaga migrate</c>: move the application's data from the starter kit's database to production.</summary>
internal static class MigrateCommand
{
    public static Command Create(CommandBuilder b)
    {
        var migrate = b.Command("migrate", "Move the data from the starter kit's database to production: export it to CSV files with a manifest, import them into PostgreSQL, verify both sides.", "jaga migrate import --from export/ --into postgres://app@db:5432/app");
        migrate.Subcommands.Add(ImportCommand.Create(b));
        migrate.Subcommands.Add(MigrateRunCommand.Create(b));
        return migrate;
    }
}
