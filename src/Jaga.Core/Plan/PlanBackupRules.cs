using Jaga.Core.Backup;
using Jaga.Core.Crypto;
using Jaga.Core.Messages;
using Jaga.Core.Plan.Yaml;

namespace Jaga.Core.Plan;

/// <summary>Checks of backup jobs that the shape cannot express: artifact name templates, age recipients, sources this release can
/// dump, and drills that have somewhere to restore into.</summary>
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
                    errors.Add(PlanError.Of(file, template.Mark, new Phrase("plan.error.at", [$"backup[{i}].file", new Phrase("plan.error.text", [problem])]),
                        new Phrase("plan.hint.file", ["\"{name}_{date}\""])));
            if (job["encrypt"] is PMap encrypt && encrypt["recipients"] is PList recipients)
            {
                foreach (var r in recipients.Items.OfType<PScalar>())
                    if (!AgeKeys.IsRecipient(r.Value))
                        errors.Add(PlanError.Of(file, r.Mark, new Phrase("plan.error.at", [$"backup[{i}].encrypt.recipients", new Phrase("plan.error.recipient", [Shorten(r.Value)])]),
                            new Phrase("plan.hint.recipient")));
                // As age: an X25519 stanza beside a post-quantum one would leave the file open to the attack the latter closes.
                if (Age.MixesKinds(recipients.Items.OfType<PScalar>().Select(r => r.Value)))
                    errors.Add(PlanError.Of(file, recipients.Mark, new Phrase("plan.error.at", [$"backup[{i}].encrypt.recipients", new Phrase("plan.error.recipients.mixed")]),
                        new Phrase("plan.hint.recipients.mixed")));
            }
            if (job["every"] is PScalar every && Values.DurationValue.TryParse(every.Value, out var period)
                && (period < TimeSpan.FromSeconds(1) || period.Ticks % TimeSpan.TicksPerSecond != 0))
                errors.Add(PlanError.Of(file, every.Mark, new Phrase("plan.error.at", [$"backup[{i}].every", new Phrase("plan.error.every")]), new Phrase("plan.hint.every")));
            if (job["source"] is PMap source && source["mysql"] is PScalar mysql)
                errors.Add(PlanError.Of(file, mysql.Mark, new Phrase("plan.error.at", [$"backup[{i}].source.mysql", new Phrase("plan.error.mysql")]),
                    new Phrase("plan.hint.mysql")));
        }
        Drills(root, jobs, file, errors);
    }

    /// <summary>A drill of a PostgreSQL job restores into a scratch database on the job's <c>verify.restore_into</c>: without one
    /// it could never run, so it is refused here rather than failing on its first night.</summary>
    private static void Drills(PMap root, PList jobs, string file, List<PlanError> errors)
    {
        if (root["emergency"] is not PMap emergency || emergency["drills"] is not PList drills) return;
        for (var k = 0; k < drills.Items.Count; k++)
        {
            if (drills.Items[k] is not PMap drill || drill["backup"] is not PScalar name) continue;
            var job = jobs.Items.OfType<PMap>().FirstOrDefault(j => (j["name"] as PScalar)?.Value == name.Value);
            if (job?["source"] is PMap source && source["postgres"] is not null
                && !(job["verify"] is PMap verify && verify["restore_into"] is PScalar { IsNull: false }))
                errors.Add(PlanError.Of(file, name.Mark, new Phrase("plan.error.at", [$"emergency.drills[{k}].backup", new Phrase("plan.error.drill.scratch", [name.Value])]),
                    new Phrase("plan.hint.drill.scratch")));
        }
    }

    // A secret key pasted by mistake must not be echoed whole.
    private static string Shorten(string value) => value.StartsWith("AGE-SECRET-KEY", StringComparison.OrdinalIgnoreCase) ? "AGE-SECRET-KEY-1…" : value.Length > 24 ? value[..24] + "…" : value;
}
