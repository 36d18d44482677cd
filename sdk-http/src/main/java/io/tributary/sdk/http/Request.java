package io.tributary.sdk.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request of an {@link HttpApi}: method, URL, query, headers, body. Immutable and thread-safe: every
 * {@code with}-style method returns a new request. Query values already in a URL are kept byte for byte (a
 * {@code +00:00} stays as the server wrote it); values added here are percent-encoded.
 *
 * <pre>{@code
 * JsonNode users = api.get("users").query("page", 2).header("Accept", "application/json").json();
 * }</pre>
 */
public final class Request {
    private final HttpApi api;
    private final String method;
    private final URI base;
    private final List<Urls.Param> query;
    private final Map<String, String> headers;
    private final byte[] body;
    private final boolean authenticated;

    private Request(HttpApi api, String method, URI base, List<Urls.Param> query, Map<String, String> headers,
            byte[] body, boolean authenticated) {
        this.api = api;
        this.method = method;
        this.base = base;
        this.query = Collections.unmodifiableList(query);
        this.headers = Collections.unmodifiableMap(headers);
        this.body = body;
        this.authenticated = authenticated;
    }

    static Request create(HttpApi api, String method, URI uri) {
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("not an absolute http(s) URL: " + uri
                    + "; give HttpApi a base URL or pass a full URL");
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        return new Request(api, method, Urls.stripQuery(uri), Urls.parseQuery(uri.getRawQuery()), headers, null, true);
    }

    /** Appends a query parameter; a {@code null} value adds nothing, so optional filters read naturally. */
    public Request query(String name, Object value) {
        if (value == null) {
            return this;
        }
        List<Urls.Param> q = new ArrayList<>(query);
        q.add(Urls.Param.of(name, String.valueOf(value)));
        return new Request(api, method, base, q, headers, body, authenticated);
    }

    /** Sets a query parameter, replacing every existing one of that name; {@code null} removes it. */
    public Request withQuery(String name, Object value) {
        List<Urls.Param> q = new ArrayList<>(query.size() + 1);
        for (Urls.Param p : query) {
            if (!p.name().equals(name)) {
                q.add(p);
            }
        }
        if (value != null) {
            q.add(Urls.Param.of(name, String.valueOf(value)));
        }
        return new Request(api, method, base, q, headers, body, authenticated);
    }

    /** Sets a header (names are case-insensitive); {@code null} removes it. */
    public Request header(String name, String value) {
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        if (value == null) {
            h.remove(name);
        } else {
            h.put(name, value);
        }
        return new Request(api, method, base, query, h, body, authenticated);
    }

    /** A body serialised to JSON by Jackson: a Map, a record, a JsonNode... */
    public Request jsonBody(Object value) {
        try {
            byte[] bytes = Json.MAPPER.writeValueAsBytes(value);
            return withBody(bytes).header("Content-Type", "application/json");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise the request body to JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** An {@code application/x-www-form-urlencoded} body, in the map's order. */
    public Request formBody(Map<String, String> fields) {
        StringBuilder sb = new StringBuilder();
        fields.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(Urls.encode(k)).append('=')
                .append(Urls.encode(v)));
        return withBody(sb.toString().getBytes(StandardCharsets.UTF_8))
                .header("Content-Type", "application/x-www-form-urlencoded");
    }

    public Request body(String contentType, String text) {
        return withBody(text.getBytes(StandardCharsets.UTF_8)).header("Content-Type", contentType);
    }

    /** The same request without the api's {@link Auth}: for login and token calls, and cross-host redirects. */
    public Request withoutAuth() {
        return new Request(api, method, base, query, headers, body, false);
    }

    /** Another URL (resolved against this one, query included) with the same method, headers, body and auth. */
    public Request withUrl(String url) {
        URI uri = URI.create(Urls.join(base, query)).resolve(url.trim());
        return new Request(api, method, Urls.stripQuery(uri), Urls.parseQuery(uri.getRawQuery()), headers, body,
                authenticated);
    }

    /** The same request with another method and no body (redirects that turn into GET). */
    Request withMethodNoBody(String newMethod) {
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        h.remove("Content-Type");
        return new Request(api, newMethod, base, query, h, null, authenticated);
    }

    private Request withBody(byte[] bytes) {
        return new Request(api, method, base, query, headers, bytes, authenticated);
    }

    /** Sends it with the api's policy. The caller closes the response. */
    public Response send() {
        return api.send(this);
    }

    /** Sends it and reads the whole body as JSON (a MissingNode when the body is empty). */
    public JsonNode json() {
        try (Response r = api.sendBuffered(this)) {
            return r.json();
        }
    }

    /** Sends it and reads the whole body as text. */
    public String text() {
        try (Response r = api.sendBuffered(this)) {
            return r.text();
        }
    }

    /** Sends it and parses the whole body as XML. */
    public XmlDocument xml() {
        try (Response r = api.sendBuffered(this)) {
            return r.xml();
        }
    }

    public HttpApi api() {
        return api;
    }

    public String method() {
        return method;
    }

    public URI uri() {
        return URI.create(Urls.join(base, query));
    }

    /** The URL with secret-looking query values (api_key, token, signature...) shown as {@code ***}. */
    public String maskedUrl() {
        return Urls.mask(base, query);
    }

    /** The decoded value of the first query parameter with this name. */
    public Optional<String> queryParam(String name) {
        return query.stream().filter(p -> p.name().equals(name)).map(Urls.Param::value).filter(Objects::nonNull)
                .findFirst();
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** Whether the api's {@link Auth} is applied before sending. */
    public boolean authenticated() {
        return authenticated;
    }

    List<String> secretQueryValues() {
        return Urls.secretValues(query);
    }

    HttpRequest toHttpRequest(Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri()).timeout(timeout);
        headers.forEach(b::header);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return b.build();
    }

    /** Method and masked URL, safe for logs. */
    @Override
    public String toString() {
        return method + " " + maskedUrl();
    }
}
