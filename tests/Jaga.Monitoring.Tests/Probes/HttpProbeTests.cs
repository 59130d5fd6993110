namespace Jaga.Monitoring.Tests.Probes;

public sealed class HttpProbeTests(TestWeb web) : IClassFixture<TestWeb>
{
    [Fact]
    public async Task Http_check_reports_status_body_and_response_time()
    {
        await using var world = await ProbeWorld.CreateAsync($"- name: api\n  http: {web.Http}/json");
        var seen = await world.ObserveAsync("api");
        Assert.Null(seen.Error);
        Assert.True(seen.Connected);
        Assert.Equal(200, seen.Status);
        Assert.Equal("""{"data":{"status":"UP"}}""", seen.Body);
        Assert.InRange(seen.ResponseTime, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(10));
        Assert.Null(seen.CertificateExpiration);
        Assert.Equal("127.0.0.1", seen.Values["IP"]);
    }

    [Fact]
    public async Task Redirects_are_followed_unless_follow_redirects_is_false()
    {
        await using var world = await ProbeWorld.CreateAsync($"""
            - name: follows
              http: {web.Http}/redirect
            - name: stays
              http: {web.Http}/redirect
              follow_redirects: false
            """);
        var follows = await world.ObserveAsync("follows");
        Assert.Equal(200, follows.Status);
        Assert.Contains("UP", follows.Body, StringComparison.Ordinal);
        var stays = await world.ObserveAsync("stays");
        Assert.Equal(302, stays.Status);
    }

    [Fact]
    public async Task A_redirect_loop_stops_after_ten_redirects_with_a_reason()
    {
        await using var world = await ProbeWorld.CreateAsync($"- name: loop\n  http: {web.Http}/loop");
        var seen = await world.ObserveAsync("loop");
        Assert.False(seen.Connected);
        Assert.StartsWith("more than 10 redirects", seen.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_endpoint_beyond_the_timeout_gives_timed_out_not_an_exception()
    {
        await using var world = await ProbeWorld.CreateAsync($"- name: slow\n  http: {web.Http}/slow\n  timeout: 1s");
        var seen = await world.ObserveAsync("slow");
        Assert.False(seen.Connected);
        Assert.Equal("timed out after 1s", seen.Error);
        Assert.InRange(seen.ResponseTime, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Method_headers_and_body_are_sent()
    {
        await using var world = await ProbeWorld.CreateAsync($$"""
            - name: echo
              http: {{web.Http}}/echo
              method: POST
              headers: { X-Probe: hello, Content-Type: application/json }
              body: '{"a":1}'
            """);
        var seen = await world.ObserveAsync("echo");
        Assert.Equal(200, seen.Status);
        Assert.Equal("""POST hello application/json {"a":1}""", seen.Body);
    }

    [Fact]
    public async Task A_server_error_is_an_answer_with_its_status()
    {
        await using var world = await ProbeWorld.CreateAsync($"- name: fail\n  http: {web.Http}/fail");
        var seen = await world.ObserveAsync("fail");
        Assert.True(seen.Connected);
        Assert.Equal(503, seen.Status);
        Assert.Null(seen.Error);
    }

    [Fact]
    public async Task The_body_is_capped_at_one_mebibyte()
    {
        await using var world = await ProbeWorld.CreateAsync($"- name: big\n  http: {web.Http}/big");
        var seen = await world.ObserveAsync("big");
        Assert.Equal(1024 * 1024, seen.Body!.Length);
    }

    [Fact]
    public async Task Https_with_a_self_signed_certificate_fails_validation_with_the_reason()
    {
        await using var world = await ProbeWorld.CreateAsync($"- name: tls\n  http: {web.Https}/ok");
        var seen = await world.ObserveAsync("tls");
        Assert.False(seen.Connected);
        Assert.StartsWith("TLS validation failed: ", seen.Error, StringComparison.Ordinal);
        Assert.NotNull(seen.CertificateExpiration);
    }

    [Fact]
    public async Task Insecure_https_accepts_the_certificate_and_still_measures_its_expiry()
    {
        await using var world = await ProbeWorld.CreateAsync($"- name: tls\n  http: {web.Https}/ok\n  insecure: true");
        var seen = await world.ObserveAsync("tls");
        Assert.Null(seen.Error);
        Assert.Equal(200, seen.Status);
        Assert.Equal("ok", seen.Body);
        Assert.InRange(seen.CertificateExpiration!.Value, TimeSpan.FromDays(2.9), TimeSpan.FromDays(3));
        // A second request reuses the pooled connection (no new validation) and still knows the certificate.
        var again = await world.ObserveAsync("tls");
        Assert.InRange(again.CertificateExpiration!.Value, TimeSpan.FromDays(2.9), TimeSpan.FromDays(3));
    }
}
