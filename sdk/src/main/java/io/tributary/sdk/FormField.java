package io.tributary.sdk;

import java.util.List;

/** One field of a connector's setup form. Build with the static factories and the {@code with…} methods. */
public record FormField(
        String name,
        String label,
        Kind kind,
        boolean required,
        String description,
        String placeholder,
        String defaultValue,
        List<Option> options) {

    /** How the field is shown. Password fields are masked and kept out of logs. */
    public enum Kind { TEXT, PASSWORD, HIDDEN, DROPDOWN, TOGGLE }

    /** A choice of a dropdown. */
    public record Option(String value, String label, String description) {
    }

    public FormField {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a form field needs a name");
        }
        options = options == null ? List.of() : List.copyOf(options);
    }

    public static FormField text(String name, String label) {
        return new FormField(name, label, Kind.TEXT, false, null, null, null, List.of());
    }

    public static FormField password(String name, String label) {
        return new FormField(name, label, Kind.PASSWORD, false, null, null, null, List.of());
    }

    public static FormField hidden(String name, String label) {
        return new FormField(name, label, Kind.HIDDEN, false, null, null, null, List.of());
    }

    public static FormField toggle(String name, String label) {
        return new FormField(name, label, Kind.TOGGLE, false, null, null, null, List.of());
    }

    public static FormField dropdown(String name, String label, Option... options) {
        return new FormField(name, label, Kind.DROPDOWN, false, null, null, null, List.of(options));
    }

    public FormField withRequired() {
        return new FormField(name, label, kind, true, description, placeholder, defaultValue, options);
    }

    public FormField withDescription(String text) {
        return new FormField(name, label, kind, required, text, placeholder, defaultValue, options);
    }

    public FormField withPlaceholder(String text) {
        return new FormField(name, label, kind, required, description, text, defaultValue, options);
    }

    public FormField withDefault(String value) {
        return new FormField(name, label, kind, required, description, placeholder, value, options);
    }
}
