using Jaga.Core.Env;
using Jaga.Core.Interpolation;

namespace Jaga.Migration.Tests.Run;

/// <summary>The keys the plan and .env.example need, read from the plan's text without loading it.</summary>
public sealed class EnvCheckTests
{
    private const string Plan = """
        version: 1
        project: toko
        env_files: [.env, .env.production]
        destinations:
          offsite: { s3: s3://b/p, access_key: "${S3_KEY}", secret_key: "${S3_SECRET:-none}" }
        migration:
          from: sqlite:data/app.db
          to: "${DATABASE_URL}"
          env: { DATABASE_URL: "${PRODUCTION_URL}" }
        literal: "$${NOT_A_VARIABLE}"
        emergency:
          runbooks:
            - name: restore
              params: [{ name: backup, default: latest }]
              steps:
                - run: "restore ${params.backup} --token ${RESTORE_TOKEN} after ${steps.x.output}"
        """;

    [Fact]
    public void Every_variable_the_plan_references_is_found_with_its_key_and_runbook_parameters_and_escapes_are_not()
    {
        var plan = PlanVariables.Of(Plan, "jaga.yaml");

        Assert.Empty(plan.Errors);
        Assert.Equal([".env", ".env.production"], plan.EnvFiles);
        Assert.Equal(["S3_KEY", "DATABASE_URL", "PRODUCTION_URL", "RESTORE_TOKEN"], plan.Required);
        var s3 = Assert.Single(plan.References, r => r.Name == "S3_SECRET");
        Assert.True(s3.HasDefault);
        Assert.Equal("migration.to", Assert.Single(plan.References, r => r.Name == "DATABASE_URL").Path);
        Assert.DoesNotContain(plan.References, r => r.Name is "NOT_A_VARIABLE" or "params.backup");
    }

    [Fact]
    public void A_key_is_found_in_the_environment_first_then_in_the_last_env_file_that_sets_it_and_missing_keys_say_who_needs_them()
    {
        var plan = PlanVariables.Of(Plan, "jaga.yaml");
        var example = EnvFile.Parse("DATABASE_URL=\nAPP_SECRET=\n", ".env.example");
        var files = new[] { EnvFile.Parse("S3_KEY=a\nDATABASE_URL=x\n", ".env"), EnvFile.Parse("DATABASE_URL=y\n", ".env.production") };

        var result = EnvCheck.Of(plan, example, files, name => name == "RESTORE_TOKEN" ? "t" : null);

        Assert.Equal(["S3_KEY", "DATABASE_URL", "PRODUCTION_URL", "RESTORE_TOKEN", "APP_SECRET"], result.Select(r => r.Key));
        Assert.Equal(".env", result[0].FoundIn);
        Assert.Equal(".env.production", result[1].FoundIn);
        Assert.Equal(["migration.to", ".env.example"], result[1].RequiredBy);
        Assert.Equal(EnvCheck.Environment, result[3].FoundIn);
        Assert.Equal(["PRODUCTION_URL", "APP_SECRET"], result.Where(r => r.Missing).Select(r => r.Key));
        Assert.Equal(["migration.env.DATABASE_URL"], result[2].RequiredBy);
    }

    [Fact]
    public void A_plan_that_is_not_yaml_gives_its_error_and_nothing_else()
    {
        var plan = PlanVariables.Of("a: [1, 2\nb: {", "jaga.yaml");

        Assert.NotEmpty(plan.Errors);
        Assert.Empty(plan.References);
    }
}
