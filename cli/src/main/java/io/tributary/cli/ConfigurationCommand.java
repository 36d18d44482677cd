package io.tributary.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tributary.cli.project.ConnectorProject;
import io.tributary.cli.project.ProjectFiles;
import io.tributary.cli.project.UserError;
import io.tributary.sdk.Configuration;
import io.tributary.sdk.ConfigurationForm;
import io.tributary.sdk.Connector;
import io.tributary.sdk.FormField;
import io.tributary.sdk.Test;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Fills in configuration.json from the connector's setup form, or runs the form's setup tests. */
@Command(name = "configuration", mixinStandardHelpOptions = true,
        description = "Fill in configuration.json from the connector's setup form, or run its setup tests (--test).")
final class ConfigurationCommand implements Callable<Integer> {
    @Parameters(index = "0", defaultValue = ".", description = "The connector project directory (default: current).")
    Path project;

    @Option(names = "--test", description = "Run the setup tests against the configuration instead of prompting.")
    boolean test;

    @Option(names = "--configuration", paramLabel = "FILE",
            description = "Configuration JSON (default: configuration.json in the project).")
    Path configuration;

    @Option(names = "--connector", paramLabel = "CLASS", description = "The connector class, when there are several.")
    String connectorClass;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path dir = project.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new UserError("project directory " + dir + " does not exist");
        }
        Path file = configuration != null ? configuration : dir.resolve("configuration.json");
        Connector connector = new ConnectorProject(dir).load(connectorClass);
        ConfigurationForm form = connector.configurationForm();
        PrintWriter out = spec.commandLine().getOut();
        if (form == null) {
            out.println("The connector declares no setup form; edit " + file + " by hand.");
            return 0;
        }
        return test ? runTests(form, ProjectFiles.readConfiguration(file), out) : prompt(form, file, out);
    }

    private static int runTests(ConfigurationForm form, Configuration config, PrintWriter out) {
        if (form.tests().isEmpty()) {
            out.println("The connector declares no setup tests.");
            return 0;
        }
        int failed = 0;
        for (ConfigurationForm.SetupTest t : form.tests()) {
            Test result;
            try {
                result = t.check().apply(config);
            } catch (RuntimeException e) {
                result = Test.failure(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            if (result == null) {
                result = Test.failure("the test returned null; return Test.success() or Test.failure(message)");
            }
            out.println((result.isSuccess() ? "PASSED  " : "FAILED  ") + t.label()
                    + (result.isSuccess() ? "" : ": " + result.message()));
            failed += result.isSuccess() ? 0 : 1;
        }
        out.println(failed == 0 ? "All " + form.tests().size() + " setup tests passed."
                : failed + " of " + form.tests().size() + " setup tests failed.");
        return failed == 0 ? 0 : 1;
    }

    private static int prompt(ConfigurationForm form, Path file, PrintWriter out) throws Exception {
        Console console = System.console();
        if (console == null) {
            throw new UserError("filling in the form needs a terminal; edit " + file + " by hand instead");
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (Files.exists(file)) {
            values.putAll(ProjectFiles.readConfiguration(file).asMap());
        }
        for (FormField field : form.fields()) {
            String current = values.getOrDefault(field.name(), field.defaultValue());
            String answer = ask(console, field, current);
            if (answer.isEmpty() && current != null) {
                answer = current;
            }
            if (answer.isEmpty() && field.required()) {
                throw new UserError("'" + field.label() + "' is required");
            }
            values.put(field.name(), answer);
        }
        Files.writeString(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(values) + "\n");
        out.println("Wrote " + file + ". Check it with: tributary configuration --test");
        return 0;
    }

    private static String ask(Console console, FormField field, String current) {
        String label = field.label() == null ? field.name() : field.label();
        if (field.description() != null) {
            console.printf("%s%n", field.description());
        }
        switch (field.kind()) {
            case PASSWORD, HIDDEN -> {
                char[] secret = console.readPassword("%s%s: ", label, current == null ? "" : " [keep current]");
                return secret == null ? "" : new String(secret).trim();
            }
            case TOGGLE -> {
                String line = console.readLine("%s (y/n)%s: ", label, current == null ? "" : " [" + current + "]");
                String a = line == null ? "" : line.trim().toLowerCase();
                return a.isEmpty() ? "" : String.valueOf(a.startsWith("y") || a.equals("true"));
            }
            case DROPDOWN -> {
                for (int i = 0; i < field.options().size(); i++) {
                    FormField.Option o = field.options().get(i);
                    console.printf("  %d) %s%n", i + 1, o.label() == null ? o.value() : o.label());
                }
                String line = console.readLine("%s%s: ", label, current == null ? "" : " [" + current + "]");
                String a = line == null ? "" : line.trim();
                if (a.matches("\\d+") && Integer.parseInt(a) >= 1 && Integer.parseInt(a) <= field.options().size()) {
                    return field.options().get(Integer.parseInt(a) - 1).value();
                }
                return a;
            }
            default -> {
                String line = console.readLine("%s%s: ", label, current == null ? "" : " [" + current + "]");
                return line == null ? "" : line.trim();
            }
        }
    }
}
