namespace Jaga.Core.Tests.Plan;

/// <summary>Every mistake in the emergency section is reported at its line and column with how to fix it.</summary>
public sealed class RunbookValidationTests
{
    // RunbookBindingTests.World has 16 lines: a runbook added to it starts on line 17.
    private static PlanLoadResultAssert Load(string runbooks, IReadOnlyDictionary<string, string>? variables = null) =>
        new(Plans.Load(RunbookBindingTests.World + runbooks, variables: variables));

    [Fact]
    public void Unknown_parameter_in_a_step_is_reported_at_its_reference()
    {
        Load("""
                - name: rb
                  params: [{ name: version }]
                  steps:
                    - run: deploy ${params.verison}
            """).Reports("jaga.yaml:20:23: emergency.runbooks[0].steps[0].run: unknown parameter 'verison' (did you mean 'version'?)");
    }

    [Fact]
    public void Parameter_used_by_a_runbook_without_parameters_says_how_to_declare_it()
    {
        Load("    - { name: rb, steps: [{ run: \"deploy ${params.v}\" }] }\n")
            .Reports("jaga.yaml:17:42: emergency.runbooks[0].steps[0].run: unknown parameter 'v' (declare it in the runbook's params: params: [{ name: v }])");
    }

    [Fact]
    public void Output_of_a_later_step_is_refused_and_of_an_unknown_one_lists_the_earlier_ones()
    {
        Load("""
                - name: rb
                  steps:
                    - { name: first, run: a }
                    - notify: { channel: oncall, message: "got ${steps.dump.output} and ${steps.frist.exit_code}" }
                    - { name: dump, run: b }
            """).Reports(
            "jaga.yaml:20:52: emergency.runbooks[0].steps[1].notify.message: step 'dump' is step 3, it runs after this one (step 2) (a step can use the outputs of the steps before it only)",
            "jaga.yaml:20:77: emergency.runbooks[0].steps[1].notify.message: unknown step 'frist' (did you mean 'first'?)");
    }

    [Fact]
    public void A_step_cannot_use_its_own_output()
    {
        Load("    - { name: rb, steps: [{ name: me, run: \"echo ${steps.me.output}\" }] }\n")
            .Reports("jaga.yaml:17:50: emergency.runbooks[0].steps[0].run: a step cannot use its own output ('me') (a step can use the outputs of the steps before it only)");
    }

    [Fact]
    public void A_reference_that_does_not_read_is_reported_with_the_forms_that_do()
    {
        Load("    - { name: rb, steps: [{ run: a }, { run: \"echo ${steps.run-1}\" }] }\n")
            .Reports("jaga.yaml:17:52: emergency.runbooks[0].steps[1].run: '${steps.run-1}' is not a reference a step can use (write ${params.NAME}, ${steps.NAME.output}, ${steps.NAME.exit_code} or ${VAR}; $${ for a literal ${)");
    }

    [Fact]
    public void An_unclosed_reference_is_reported_where_it_opens()
    {
        Load("    - { name: rb, steps: [{ run: \"echo ${params.x\" }] }\n")
            .Reports("jaga.yaml:17:40: emergency.runbooks[0].steps[0].run: '${' is not closed with '}'");
    }

    [Fact]
    public void A_variable_set_nowhere_is_an_error_now_and_a_default_or_a_set_one_is_not()
    {
        Load("    - { name: rb, steps: [{ run: \"echo ${NOPE}\" }] }\n")
            .Reports("jaga.yaml:17:40: emergency.runbooks[0].steps[0].run: variable NOPE is not set (export NOPE=… or add it to an env file listed in env_files; or write ${NOPE:-default})");
        Load("    - { name: rb, steps: [{ run: \"echo ${NOPE:-x} ${SET}\" }] }\n", new Dictionary<string, string> { ["SET"] = "1" }).Valid();
    }

    [Fact]
    public void A_reference_in_a_name_or_a_duration_is_refused()
    {
        Load("""
                - name: rb
                  params: [{ name: check }]
                  steps:
                    - wait_for: ${params.check}
                    - sleep: ${params.check}
            """).Reports(
            "jaga.yaml:20:21: emergency.runbooks[0].steps[0].wait_for: '${params.check}': a ${…} reference can only be used in text (command, args, env, dir, url, headers, body, expect, message, prompt, into) (write the value itself here; names, durations and numbers are read when the plan loads)",
            "jaga.yaml:21:18: emergency.runbooks[0].steps[1].sleep: '${params.check}': a ${…} reference can only be used in text");
    }

    [Fact]
    public void A_literal_dollar_brace_is_no_reference()
    {
        Load("    - { name: rb, steps: [{ run: \"echo $${HOME}\" }] }\n").Valid();
    }

    [Fact]
    public void Step_names_must_be_unique_in_a_runbook_also_against_default_names()
    {
        Load("""
                - name: rb
                  steps:
                    - run: a
                    - { name: run-1, run: b }
            """).Reports("jaga.yaml:20:19: emergency.runbooks[0].steps[1].name: 'run-1' is already used by another entry (give each step of a runbook its own name; an unnamed step is called by its kind and number (run-1))");
    }

    [Fact]
    public void Parameters_need_unique_names_and_defaults_and_allowed_values_of_their_type()
    {
        Load("""
                - name: rb
                  params:
                    - { name: n, type: int, default: many }
                    - { name: n }
                    - { name: env, default: prod, allowed: [staging, production] }
                    - { name: d, type: duration, allowed: [5m, soon] }
                  steps: [{ run: a }]
            """).Reports(
            "jaga.yaml:19:42: emergency.runbooks[0].params[0].default: parameter 'n': 'many' is not a whole number (write a whole number, e.g. 3)",
            "jaga.yaml:20:19: emergency.runbooks[0].params[1].name: 'n' is already used by another entry",
            "jaga.yaml:21:33: emergency.runbooks[0].params[2].default: parameter 'env': 'prod' is not one of staging, production",
            "jaga.yaml:22:52: emergency.runbooks[0].params[3].allowed: parameter 'd': 'soon' is not a duration");
    }

    [Fact]
    public void On_failure_must_read_and_name_a_runbook()
    {
        Load("""
                - name: rb
                  steps:
                    - { run: a, on_failure: retry }
                    - { run: b, on_failure: runbook rollbak }
                - { name: rollback, steps: [{ run: c }] }
            """).Reports(
            "jaga.yaml:19:33: emergency.runbooks[0].steps[0].on_failure: 'retry' is not stop, continue or runbook NAME (write on_failure: stop, on_failure: continue, or on_failure: runbook rollback)",
            "jaga.yaml:20:33: emergency.runbooks[0].steps[1].on_failure: unknown runbook 'rollbak' (did you mean 'rollback'?)");
    }

    [Fact]
    public void A_runbook_that_starts_itself_on_failure_is_refused_directly_or_in_a_cycle()
    {
        Load("    - { name: rb, steps: [{ run: a, on_failure: runbook rb }] }\n")
            .Reports("jaga.yaml:17:49: emergency.runbooks[0].steps[0].on_failure: runbook 'rb' starts itself when a step fails (a rollback runbook must not start the runbook it rolls back; use on_failure: stop there)");
        Load("""
                - { name: deploy, steps: [{ run: a, on_failure: runbook rollback }] }
                - { name: rollback, steps: [{ run: b, on_failure: runbook deploy }] }
            """).Reports("jaga.yaml:18:55: emergency.runbooks[1].steps[0].on_failure: runbooks start each other on failure in a cycle: deploy → rollback → deploy");
    }

    [Fact]
    public void Timeout_given_on_the_step_and_in_the_run_mapping_is_refused()
    {
        Load("    - { name: rb, steps: [{ run: { command: a, timeout: 1m }, timeout: 2m }] }\n")
            .Reports("jaga.yaml:17:48: emergency.runbooks[0].steps[0].run: 'timeout' is given both here and on the step (keep one of the two)");
    }

    [Fact]
    public void Trigger_failing_for_goes_with_check_and_heartbeat_names_a_heartbeat_check()
    {
        Load("    - { name: rb, trigger: { backup: db, failing_for: 5m }, steps: [{ run: a }] }\n")
            .Reports("jaga.yaml:17:42: emergency.runbooks[0].trigger: failing_for goes with check only (remove failing_for: a failed backup or a missed heartbeat starts the runbook at once)");
        Load("    - { name: rb, trigger: { heartbeat: api }, steps: [{ run: a }] }\n")
            .Reports("jaga.yaml:17:41: emergency.runbooks[0].trigger.heartbeat: check 'api' is not a heartbeat check (name a check with heartbeat:, or use trigger: { check: NAME } for any other check)");
        Load("    - { name: rb, trigger: { check: api, backup: db }, steps: [{ run: a }] }\n")
            .Reports("jaga.yaml:17:42: emergency.runbooks[0].trigger: 'check' and 'backup' cannot be used together");
        Load("    - { name: rb, trigger: { backup: dbb }, steps: [{ run: a }] }\n")
            .Reports("jaga.yaml:17:38: emergency.runbooks[0].trigger.backup: unknown backup job 'dbb' (did you mean 'db'?)");
    }

    [Fact]
    public void A_triggered_runbook_needs_a_default_for_every_parameter_since_its_trigger_gives_none()
    {
        Load("""
                - name: rb
                  trigger: { check: api }
                  params: [{ name: target }, { name: mode, default: fast }, { name: count, type: int }]
                  steps: [{ run: "fix ${params.target} ${params.mode} ${params.count}" }]
            """).Reports(
            "jaga.yaml:19:24: emergency.runbooks[0].params[0]: parameter 'target' has no default, and the trigger starts the runbook without values (give it a default: (the value an automatic run uses), or remove the trigger and start the runbook by hand with --param)",
            "jaga.yaml:19:73: emergency.runbooks[0].params[2]: parameter 'count' has no default, and the trigger starts the runbook without values (give it a default: (the value an automatic run uses), or remove the trigger and start the runbook by hand with --param)");
        Load("""
                - name: rb
                  params: [{ name: target }]
                  steps: [{ run: "fix ${params.target}" }]
            """).Valid();
    }

    [Fact]
    public void Notify_names_a_known_contact_that_has_an_email()
    {
        var noEmail = RunbookBindingTests.World.Replace("email: budi@shop.example, ", "", StringComparison.Ordinal);
        new PlanLoadResultAssert(Plans.Load(noEmail + "    - { name: rb, steps: [{ notify: { contact: budi } }] }\n"))
            .Reports("jaga.yaml:17:48: emergency.runbooks[0].steps[0].notify.contact: contact 'budi' has no email, so a notify step cannot reach them (add email: to the contact, or notify a channel)");
        Load("    - { name: rb, steps: [{ notify: { contact: bdi } }] }\n")
            .Reports("jaga.yaml:17:48: emergency.runbooks[0].steps[0].notify.contact: unknown contact 'bdi' (did you mean 'budi'?)");
        Load("    - { name: rb, steps: [{ notify: { channel: oncall, contact: budi } }] }\n")
            .Reports("jaga.yaml:17:56: emergency.runbooks[0].steps[0].notify: 'channel' and 'contact' cannot be used together");
        var noMailServer = RunbookBindingTests.World.Replace("oncall: { email: ops@shop.example }", "oncall: { webhook: \"https://hooks.example/x\" }", StringComparison.Ordinal);
        new PlanLoadResultAssert(Plans.Load(noMailServer + "    - { name: rb, steps: [{ notify: { contact: budi } }] }\n"))
            .Reports("jaga.yaml:17:48: emergency.runbooks[0].steps[0].notify.contact: no notify channel has email:, so there is no mail server to reach contact 'budi' through (add a channel with email: and smtp: under notify (its server sends to contacts too), or notify a channel)");
    }

    [Fact]
    public void Http_conditions_are_checked_at_load_with_their_position()
    {
        Load("    - { name: rb, steps: [{ http: { url: \"https://shop.example\", expect: [\"[STATU] == 200\"] } }] }\n")
            .Reports("jaga.yaml:17:76: emergency.runbooks[0].steps[0].http.expect[0]: unknown placeholder [STATU] in '[STATU] == 200' (did you mean [STATUS]?)");
    }

    [Fact]
    public void Approvals_need_at_least_one_person_and_a_step_needs_a_kind()
    {
        Load("    - { name: rb, steps: [{ approve: { prompt: sure, approvals: 0 } }] }\n")
            .Reports("jaga.yaml:17:65: emergency.runbooks[0].steps[0].approve.approvals: 0 is too small");
        Load("    - { name: rb, steps: [{ name: x, timeout: 1m }] }\n")
            .Reports("jaga.yaml:17:27: emergency.runbooks[0].steps[0]: needs one of: run, http, wait_for, backup, restore, notify, approve, log, sleep");
    }

    /// <summary>Plans.Reports with the result kept, so a test reads as one sentence.</summary>
    private sealed class PlanLoadResultAssert(Core.Plan.PlanLoadResult result)
    {
        public void Reports(params string[] expected) => Plans.Reports(result, expected);

        public void Valid() => Assert.True(result.Ok, string.Join("\n", result.Errors));
    }
}
