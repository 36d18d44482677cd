package io.tributary.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OAuthApiTest {
    private static final MutableClock CLOCK = new MutableClock();
    private static Playground pg;
    private static Http http;

    @BeforeAll
    static void start() {
        pg = Playground.builder().clock(CLOCK).tokenTtl(Duration.ofMinutes(30)).start();
        http = new Http(pg);
    }

    @AfterAll
    static void stop() {
        pg.close();
    }

    private static String clientCredentialsToken() {
        JsonNode token = http.postForm("/oauth/token", "grant_type=client_credentials&client_id="
                + Credentials.CLIENT_ID + "&client_secret=" + Credentials.CLIENT_SECRET).json();
        assertThat(token.get("token_type").asText()).isEqualTo("bearer");
        assertThat(token.get("expires_in").asLong()).isEqualTo(1800);
        return token.get("access_token").asText();
    }

    @Test
    void clientCredentialsTokenOpensTheProtectedEndpointsUntilItExpires() {
        String token = clientCredentialsToken();
        String contacts = "/hubspot/contacts/v1/lists/all/contacts/all?count=100";
        assertThat(http.get(contacts).status()).isEqualTo(401);
        assertThat(http.get(contacts, "Authorization", "Bearer wrong").json().get("category").asText())
                .isEqualTo("INVALID_AUTHENTICATION");
        JsonNode page = http.json(contacts, "Authorization", "Bearer " + token);
        assertThat(page.get("contacts")).hasSize(100);
        assertThat(page.get("has-more").asBoolean()).isTrue();
        JsonNode c = page.get("contacts").get(0);
        assertThat(c.get("properties").get("firstname").get("value").asText()).isNotEmpty();
        assertThat(c.get("identity-profiles").get(0).get("identities").get(0).get("value").asText())
                .endsWith("@example.com");
        JsonNode last = http.json(contacts + "&vidOffset=" + page.get("vid-offset").asInt(), "Authorization",
                "Bearer " + token);
        assertThat(last.get("contacts")).hasSize(20);
        assertThat(last.get("has-more").asBoolean()).isFalse();

        CLOCK.advance(Duration.ofMinutes(31));
        Http.Result expired = http.get(contacts, "Authorization", "Bearer " + token);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().get("category").asText()).isEqualTo("EXPIRED_AUTHENTICATION");
    }

    @Test
    void refreshTokenGrantGivesAFreshAccessToken() {
        String query = "grant_type=refresh_token&client_id=" + Credentials.CLIENT_ID + "&client_secret="
                + Credentials.CLIENT_SECRET + "&refresh_token=" + Credentials.REFRESH_TOKEN;
        // HubSpot's example POSTs with the parameters in the URL and no body.
        JsonNode token = http.postForm("/hubspot/oauth/v1/token?" + query, "").json();
        assertThat(token.get("refresh_token").asText()).isEqualTo(Credentials.REFRESH_TOKEN);
        String access = token.get("access_token").asText();
        assertThat(http.json("/hubspot/companies/v2/companies/paged?properties=name&limit=250", "Authorization",
                "Bearer " + access).get("companies")).hasSize(60);
        pg.expireTokens();
        assertThat(http.get("/hubspot/companies/v2/companies/paged", "Authorization", "Bearer " + access).status())
                .isEqualTo(401);
        String renewed = http.postForm("/oauth/token", query).json().get("access_token").asText();
        assertThat(renewed).isNotEqualTo(access);
        assertThat(http.get("/hubspot/companies/v2/companies/paged", "Authorization", "Bearer " + renewed).status())
                .isEqualTo(200);
    }

    @Test
    void wrongClientsAndGrantsAreRefused() {
        assertThat(http.postForm("/oauth/token", "grant_type=client_credentials&client_id=x&client_secret=y")
                .status()).isEqualTo(401);
        String basic = Base64.getEncoder().encodeToString((Credentials.CLIENT_ID + ":" + Credentials.CLIENT_SECRET)
                .getBytes());
        assertThat(http.postForm("/oauth/token", "grant_type=client_credentials", "Authorization", "Basic " + basic)
                .status()).isEqualTo(200);
        assertThat(http.postForm("/oauth/token", "grant_type=refresh_token&refresh_token=stale", "Authorization",
                "Basic " + basic).json().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(http.postForm("/oauth/token", "grant_type=password", "Authorization", "Basic " + basic)
                .json().get("error").asText()).isEqualTo("unsupported_grant_type");
    }
}
