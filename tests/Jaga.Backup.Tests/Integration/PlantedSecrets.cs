using Jaga.Testing;

namespace Jaga.Backup.Tests.Integration;

/// <summary>A plan with a distinct secret in every kind of place a plan can hold one, each named by where it was planted,
/// and the .env that holds the ones that come from an env file.</summary>
internal sealed class PlantedSecrets
{
    public PlantedSecrets(PostgresServer pg, SshServer ssh, SwiftServer swift, MariaDbServer maria, string sourceDatabase, string sftpFolder, string bucket, string state, int listen)
    {
        var closed = Loopback.FreePort();
        Secrets = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PostgreSQL source URL password (in the plan)"] = "PlantPgSrcPw-2b",
            ["MySQL check URL password (env file)"] = MariaDbServer.Password,
            ["verify.restore_into URL password (env file)"] = "PlantVerifyPw-14n",
            ["postgres check URL password"] = "PlantPgCheckPw-13m",
            ["migration.to URL password"] = "PlantMigratePw-15o",
            ["env-file value"] = "PlantEnvValue-3c",
            ["env-file token in an http check's header"] = "PlantApiTok-12l",
            ["S3 access key"] = "PlantS3Access4d",
            ["S3 secret key (env file)"] = "PlantS3Secret-5e",
            ["SFTP password (env file)"] = SshServer.Password,
            ["SMTP URL password"] = "PlantSmtpPw-6f",
            ["webhook URL path token"] = "PlantHookPath-7g",
            ["webhook URL query token"] = "PlantHookQuery-8h",
            ["heartbeat token"] = "PlantHeartbeatTok-9i",
            ["age passphrase (env file)"] = "PlantAgePass-10j",
            ["command check output"] = "PlantCmdOut-11k",
        };
        if (state.StartsWith("postgres", StringComparison.Ordinal)) Secrets["PostgreSQL state store URL password"] = "PlantStatePw-1a";
        Plan = $$"""
            version: 1
            project: toko
            timezone: Asia/Jakarta
            language: id
            state: "{{state}}"
            listen: 127.0.0.1:{{listen}}
            log: { file: logs/maintenance.log }
            env_files: [.env]
            destinations:
              local: { path: backup/ }
              sftp: { sftp: "{{ssh.Url(sftpFolder)}}", password: "${SFTP_PASSWORD}", fingerprint: "{{ssh.HostKeyFingerprint}}" }
              s3: { s3: "s3://{{bucket}}/jaga", endpoint: "{{swift.Endpoint}}", region: {{SwiftServer.Region}}, path_style: true, access_key: PlantS3Access4d, secret_key: "${S3_SECRET}" }
            backup:
              - name: pg
                source: { postgres: "{{pg.Url(sourceDatabase, "PlantPgSrcPw-2b")}}" }
                schedule: "0 2 * * *"
                to: [local, sftp]
                encrypt: { passphrase_env: AGE_PASS }
                verify: { schedule: "0 4 * * *", restore_into: "${VERIFY_URL}" }
              - name: offsite
                source: { sqlite: data/app.db }
                schedule: "0 2 * * *"
                to: [s3]
            monitoring:
              checks:
                - name: leaky
                  command: "echo password=PlantCmdOut-11k note ${APP_NOTE}; exit 2"
                  every: 1m
                  alert: { after: 1, notify: [oncall] }
                - name: pgcheck
                  postgres: "{{pg.Url("postgres", "PlantPgCheckPw-13m")}}"
                  every: 1m
                - name: mycheck
                  mysql: "${MYSQL_URL}"
                  every: 1m
                - name: api
                  http: "http://127.0.0.1:{{closed}}/healthz"
                  headers: { Authorization: "Bearer ${API_TOKEN}" }
                  every: 1m
                  alert: { after: 1, notify: [oncall] }
                - name: nightly
                  heartbeat: { every: 1d, token: PlantHeartbeatTok-9i }
            notify:
              oncall: { webhook: "http://127.0.0.1:{{closed}}/hooks/PlantHookPath-7g?token=PlantHookQuery-8h", email: ops@example.com, smtp: "smtp://jaga:PlantSmtpPw-6f@127.0.0.1:{{closed}}", tls: none }
            migration:
              from: sqlite:data/app.db
              to: "{{pg.Url("postgres", "PlantMigratePw-15o")}}"
            """;
        Env = $"""
            SFTP_PASSWORD={SshServer.Password}
            S3_SECRET=PlantS3Secret-5e
            AGE_PASS=PlantAgePass-10j
            VERIFY_URL={pg.Url("postgres", "PlantVerifyPw-14n")}
            MYSQL_URL={maria.Url()}
            APP_NOTE=PlantEnvValue-3c
            API_TOKEN=PlantApiTok-12l

            """;
    }

    /// <summary>Where each secret was planted → the secret.</summary>
    public Dictionary<string, string> Secrets { get; }

    public string Plan { get; }

    public string Env { get; }

    /// <summary>Every planted secret found in <paramref name="text"/>, each as "what, planted as …, found in <paramref name="where"/>".</summary>
    public IEnumerable<string> Leaks(string where, string text) =>
        Secrets.Where(s => text.Contains(s.Value, StringComparison.Ordinal)).Select(s => $"{s.Key} found in {where}");
}
