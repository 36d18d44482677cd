package io.tributary.client;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;

/**
 * A request body of one file in a multipart/form-data form, as package uploads send it. The file is streamed from
 * disk on each attempt, never held in memory (a package may be hundreds of MB).
 */
record FileUpload(String field, Path file, String contentType) {
    FileUpload {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(contentType, "contentType");
    }

    /** The body and its Content-Type. A random 122-bit boundary does not occur in the content by chance. */
    Transport.Body encode() {
        String boundary = "tributary-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + file.getFileName().toString().replace("\"", "") + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
        HttpRequest.BodyPublisher content;
        try {
            content = HttpRequest.BodyPublishers.ofFile(file);
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new Transport.Body(HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofString(head, StandardCharsets.UTF_8), content,
                HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n", StandardCharsets.US_ASCII)),
                "multipart/form-data; boundary=" + boundary);
    }
}
