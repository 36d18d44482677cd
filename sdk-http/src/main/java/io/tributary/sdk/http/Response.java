package io.tributary.sdk.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * A successful (below 400) response whose body is still a stream. Close it, or read it with one of the
 * whole-body methods, which close it. Not thread-safe: one thread reads it.
 */
public final class Response implements AutoCloseable {
    private final Request request;
    private final HttpResponse<InputStream> raw;
    private InputStream body;

    Response(Request request, HttpResponse<InputStream> raw) {
        this.request = request;
        this.raw = raw;
    }

    /** The request as sent (after auth and redirects). */
    public Request request() {
        return request;
    }

    public int status() {
        return raw.statusCode();
    }

    public URI uri() {
        return raw.uri();
    }

    public HttpHeaders headers() {
        return raw.headers();
    }

    public Optional<String> header(String name) {
        return raw.headers().firstValue(name);
    }

    /**
     * Reads the whole (decoded) body now, so that a connection that breaks mid-body fails while the request can
     * still be retried; later reads come from memory.
     */
    Response buffer() throws IOException {
        try (InputStream in = body()) {
            body = new java.io.ByteArrayInputStream(in.readAllBytes());
        }
        return this;
    }

    /** The body as a stream, gunzipped when the server compressed it. */
    public InputStream body() {
        if (body == null) {
            body = decoded(raw, request.api().policy().readTimeout());
        }
        return body;
    }

    /** Reads the whole body as JSON and closes the response. An empty body gives a MissingNode. */
    public JsonNode json() {
        try {
            return Json.MAPPER.readTree(body());
        } catch (IOException e) {
            throw new HttpException(request, status(), "", "but the body is not valid JSON: " + e.getMessage(), e);
        } finally {
            close();
        }
    }

    /** Reads the whole body as text (charset from Content-Type, else UTF-8) and closes the response. */
    public String text() {
        try {
            return new String(body().readAllBytes(), charset());
        } catch (IOException e) {
            throw new UncheckedIOException("reading the body of " + request, e);
        } finally {
            close();
        }
    }

    /** Streams the objects of the array at {@code path}; closing the records closes this response. */
    public JsonRecords jsonRecords(String path) {
        return JsonRecords.of(body(), path);
    }

    /** Streams CSV rows keyed by the header line; closing the records closes this response. */
    public CsvRecords csvRecords() {
        return CsvRecords.of(body(), charset());
    }

    /** Parses the whole body as XML and closes the response. */
    public XmlDocument xml() {
        try {
            return XmlDocument.parse(body());
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        try {
            (body != null ? body : raw.body()).close();
        } catch (IOException ignored) {
            // closing only releases the connection; nothing to report
        }
    }

    Charset charset() {
        String type = header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        int i = type.indexOf("charset=");
        if (i >= 0) {
            String name = type.substring(i + 8).split("[;,\\s]")[0].replace("\"", "");
            try {
                return Charset.forName(name);
            } catch (RuntimeException unknown) {
                return StandardCharsets.UTF_8;
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** The body, gunzipped when compressed, each read waiting at most {@code readTimeout}. */
    static InputStream decoded(HttpResponse<InputStream> raw, java.time.Duration readTimeout) {
        InputStream watched = new IdleTimeoutInputStream(raw.body(), readTimeout);
        String encoding = raw.headers().firstValue("Content-Encoding").orElse("").trim();
        if (!encoding.equalsIgnoreCase("gzip")) {
            return watched;
        }
        try {
            return new GZIPInputStream(watched, 64 * 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("the gzip body of " + raw.uri() + " is unreadable", e);
        }
    }
}
