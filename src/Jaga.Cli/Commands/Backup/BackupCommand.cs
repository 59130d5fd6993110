using System.CommandLine;

namespace Jaga.Cli.Commands.Backup;

/// <summary><c>jaga backup run|list|verify|restore|prune|reindex|keygen</c>: the backup pillar.</summary>
internal static class BackupCommand
{
    public static Command Create(CommandBuilder b)
    {
        var backup = b.Command("backup", "The backup pillar: run, list, verify, restore and prune backups; make age keys.", "jaga backup run db");
        backup.Subcommands.Add(BackupRunCommand.Create(b));
        backup.Subcommands.Add(BackupListCommand.Create(b));
        backup.Subcommands.Add(BackupVerifyCommand.Create(b));
        backup.Subcommands.Add(BackupRestoreCommand.Create(b));
        backup.Subcommands.Add(BackupPruneCommand.Create(b));
        backup.Subcommands.Add(BackupReindexCommand.Create(b));
        backup.Subcommands.Add(BackupKeygenCommand.Create(b));
        return backup;
    }
}
