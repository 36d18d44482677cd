package io.tributary.examples.authentication_certificate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.ConnectorException;
import io.tributary.sdk.DataType;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import io.tributary.sdk.http.HttpApi;
import io.tributary.sdk.http.HttpException;
import io.tributary.sdk.http.RequestPolicy;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * A port of Fivetran's {@code common_patterns_for_connectors/authentication/certificate}
 * ({@code using_base64_encoded_certificate}): the connector authenticates with a client certificate (mutual TLS)
 * whose PEM certificate and key come Base64-encoded in the configuration, and upserts the users of
 * {@code GET {base_url}/auth/certificate} into {@code user}.
 */
public class CertificateAuthConnector implements Connector {
    static final String DEFAULT_BASE_URL = "https://127.0.0.1:5443";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RequestPolicy policy;

    public CertificateAuthConnector() {
        this(RequestPolicy.defaults());
    }

    /** For tests: a policy with short backoffs. */
    CertificateAuthConnector(RequestPolicy policy) {
        this.policy = policy;
    }

    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(Table.named("user").primaryKey("id")
                .column("id", DataType.STRING)
                .column("name", DataType.STRING)
                .column("email", DataType.STRING)
                .column("address", DataType.STRING)
                .column("company", DataType.STRING)
                .column("job", DataType.STRING)
                .column("updatedAt", DataType.UTC_DATETIME)
                .column("createdAt", DataType.UTC_DATETIME));
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        Log.info("Example: Using certificates for making API calls");
        // The certificate goes into the client's TLS context; requests then carry no credential of their own.
        HttpClient client = HttpClient.newBuilder()
                .sslContext(ClientCertificates.tlsContext(configuration))
                .followRedirects(HttpClient.Redirect.NEVER) // the toolkit follows redirects itself
                .connectTimeout(policy.connectTimeout())
                .build();
        String baseUrl = configuration.get("base_url", DEFAULT_BASE_URL);
        HttpApi api = HttpApi.builder().baseUrl(baseUrl).httpClient(client).policy(policy).build();
        JsonNode body;
        try {
            body = api.get("auth/certificate").json();
        } catch (HttpException e) {
            throw explained(e, baseUrl);
        }
        Log.info("the server knows this client as " + body.path("client").asText());
        for (JsonNode user : body.path("data")) {
            operations.upsert("user", JSON.convertValue(user, Map.class));
        }
        operations.checkpoint(state);
    }

    private static RuntimeException explained(HttpException e, String baseUrl) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return new ConnectorException("the TLS handshake with " + baseUrl + " failed (" + t.getMessage()
                        + "): the server refused the client certificate, or the client does not trust the server. "
                        + "Check ENCODED_CERTIFICATE and ENCODED_PRIVATE_KEY (their CA must be one the server "
                        + "trusts) and ENCODED_CA_CERTIFICATE (the CA of the server's certificate)", e);
            }
        }
        return e;
    }
}
