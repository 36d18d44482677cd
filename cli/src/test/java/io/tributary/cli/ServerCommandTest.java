package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.server.ServerConfig;
import io.tributary.server.TributaryServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerCommandTest {
    @TempDir
    Path dir;

    @Test
    void createKeyMakesAKeyWithItsRoleAndTheFirstStartStillMakesAnAdministrator() throws Exception {
        CliRun run = CliRun.of("server", "create-key", "--role", "account reviewer", "--data-dir", dir.toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        Matcher key = Pattern.compile("key:\\s+(\\S+)").matcher(run.out());
        Matcher secret = Pattern.compile("secret:\\s+(\\S+)").matcher(run.out());
        assertThat(key.find() && secret.find()).isTrue();
        String auth = "Basic " + Base64.getEncoder().encodeToString((key.group(1) + ":" + secret.group(1))
                .getBytes(StandardCharsets.UTF_8));

        try (TributaryServer server = TributaryServer.start(ServerConfig.defaults().withPort(0).withDataDir(dir))) {
            assertThat(server.initialKey()).as("no administrator existed yet").isPresent();
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();
            HttpResponse<String> read = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/groups"))
                    .header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(read.statusCode()).isEqualTo(200);
            HttpResponse<String> write = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/groups"))
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(write.statusCode()).as("a reviewer cannot write").isEqualTo(403);
        }
        CliRun unknown = CliRun.of("server", "create-key", "--role", "Emperor", "--data-dir", dir.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown role 'Emperor'", "Account Reviewer");
    }
}
