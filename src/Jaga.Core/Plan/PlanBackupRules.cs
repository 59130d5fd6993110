using Jaga.Core.Backup;
using Jaga.Core.Crypto;
using Jaga.Core.Plan.Yaml;

namespace Jaga.Core.Plan;

/// <summary>Checks of backup jobs that the shape cannot express: artifact name templates, age recipients, sources this release can dump.</summary>
public static class PlanBackupRules
{
    public static void Check(PMap root, string file, List<PlanError> errors)
    {
        if (root["backup"] is not PList jobs) return;
        for (var i = 0; i < jobs.Items.Count; i++)
        {
            if (jobs.Items[i] is not PMap job) continue;
            if (job["file"] is PScalar { IsNull: false } template)
                foreach (var problem in ArtifactName.Problems(template.Value))
                    errors.Add(new PlanError(file, template.Mark, $"backup[{i}].file: {problem}", "for example \"{name}_{date}\""));
            if (job["encrypt"] is PMap encrypt && encrypt["recipients"] is PList recipients)
                foreach (var r in recipients.Items.OfType<PScalar>())
                    if (!AgeKeys.TryParseRecipient(r.Value, out _))
                        errors.Add(new PlanError(file, r.Mark, $"backup[{i}].encrypt.recipients: '{Shorten(r.Value)}' is not an age recipient",
                            "use the public key that 'age-keygen' prints (age1…), never the secret key"));
            if (job["every"] is PScalar every && Values.DurationValue.TryParse(every.Value, out var period)
                && (period < TimeSpan.FromSeconds(1) || period.Ticks % TimeSpan.TicksPerSecond != 0))
                errors.Add(new PlanError(file, every.Mark, $"backup[{i}].every: an interval is a whole number of seconds, at least 1s", "for example 30s, 15m or 6h"));
            if (job["source"] is PMap source && source["mysql"] is PScalar mysql)
                errors.Add(new PlanError(file, mysql.Mark, $"backup[{i}].source.mysql: MySQL backups are not in this release",
                    "back up MySQL with mysqldump from cron for now, or use a PostgreSQL or SQLite source"));
        }
    }

    // A secret key pasted by mistake must not be echoed whole.
    private static string Shorten(string value) => value.StartsWith("AGE-SECRET-KEY", StringComparison.OrdinalIgnoreCase) ? "AGE-SECRET-KEY-1…" : value.Length > 24 ? value[..24] + "…" : value;
}
