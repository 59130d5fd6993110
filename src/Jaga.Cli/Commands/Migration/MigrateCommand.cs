using System.CommandLine;

namespace Jaga.Cli.Commands.Migration;

/// <summary><c>jaga migrate</c>: moving the starter kit's data to production, one subcommand per step.</summary>
internal static class MigrateCommand
{
    public static Command Create(CommandBuilder b)
    {
        var migrate = b.Command("migrate", "Move data from the starter kit's database to production: export to CSV, import into PostgreSQL, verify both sides, or all of it from the plan (run).",
            "jaga migrate export --from sqlite:starter/app.db --out export/");
        migrate.Subcommands.Add(MigrateExportCommand.Create(b));
        migrate.Subcommands.Add(ImportCommand.Create(b));
        migrate.Subcommands.Add(MigrateVerifyCommand.Create(b));
        migrate.Subcommands.Add(MigrateRunCommand.Create(b));
        return migrate;
    }
}
