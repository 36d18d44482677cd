package io.tributary.sdk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/** A connector's setup form: the fields a user fills in, and the tests that check them. */
public final class ConfigurationForm {

    /** A named setup test. */
    public record SetupTest(String name, String label, Function<Configuration, Test> check) {
    }

    private final List<FormField> fields = new ArrayList<>();
    private final List<SetupTest> tests = new ArrayList<>();

    public ConfigurationForm field(FormField field) {
        if (fields.stream().anyMatch(f -> f.name().equals(field.name()))) {
            throw new IllegalArgumentException("form field '" + field.name() + "' is defined twice");
        }
        fields.add(field);
        return this;
    }

    public ConfigurationForm test(String name, String label, Function<Configuration, Test> check) {
        if (tests.stream().anyMatch(t -> t.name().equals(name))) {
            throw new IllegalArgumentException("setup test '" + name + "' is defined twice");
        }
        tests.add(new SetupTest(name, label, check));
        return this;
    }

    public List<FormField> fields() {
        return Collections.unmodifiableList(fields);
    }

    public List<SetupTest> tests() {
        return Collections.unmodifiableList(tests);
    }
}
