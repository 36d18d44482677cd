package io.tributary.cli;

import io.tributary.cli.project.UserError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Creates a connector project that builds, syncs and tests. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create a new connector project in directory NAME.")
final class InitCommand implements Callable<Integer> {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    @Parameters(index = "0", paramLabel = "NAME", description = "Project directory; its last part names the connector.")
    Path target;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path dir = target.toAbsolutePath().normalize();
        String name = dir.getFileName().toString();
        if (!NAME.matcher(name).matches()) {
            throw new UserError("'" + name + "' is not a usable connector name: start with a letter and use "
                    + "letters, digits, '_' or '-'");
        }
        if (Files.exists(dir) && (!Files.isDirectory(dir) || Files.list(dir).findAny().isPresent())) {
            throw new UserError(dir + " already exists and is not empty; choose another name");
        }
        String pkg = name.toLowerCase(Locale.ROOT).replace('-', '_');
        String className = className(name);
        Map<String, String> vars = Map.of(
                "name", name, "package", pkg, "packagePath", pkg, "className", className, "version", version());
        Map<String, String> files = new LinkedHashMap<>();
        files.put("pom.xml", "pom.xml.tmpl");
        files.put("configuration.json", "configuration.json.tmpl");
        files.put("README.md", "README.md.tmpl");
        files.put(".gitignore", "gitignore.tmpl");
        files.put("src/main/java/" + pkg + "/" + className + ".java", "Connector.java.tmpl");
        files.put("src/test/java/" + pkg + "/" + className + "Test.java", "ConnectorTest.java.tmpl");
        for (var f : files.entrySet()) {
            Path out = dir.resolve(f.getKey());
            Files.createDirectories(out.getParent());
            Files.writeString(out, render(template(f.getValue()), vars), StandardCharsets.UTF_8);
        }
        var out = spec.commandLine().getOut();
        out.println("Created connector project " + dir);
        out.println("Next: tributary debug " + target + "    (then edit src/main/java/" + pkg + "/" + className
                + ".java and run it again)");
        return 0;
    }

    static String className(String name) {
        StringBuilder sb = new StringBuilder();
        for (String part : name.split("[_-]+")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        String base = sb.toString();
        return base.endsWith("Connector") ? base : base + "Connector";
    }

    private static String render(String template, Map<String, String> vars) {
        String out = template;
        for (var v : vars.entrySet()) {
            out = out.replace("{{" + v.getKey() + "}}", v.getValue());
        }
        return out;
    }

    private static String template(String name) throws IOException {
        try (InputStream in = InitCommand.class.getResourceAsStream("/templates/connector/" + name)) {
            if (in == null) {
                throw new IllegalStateException("template " + name + " missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String version() throws IOException {
        Properties p = new Properties();
        try (InputStream in = InitCommand.class.getResourceAsStream("/tributary.properties")) {
            p.load(in);
        }
        return p.getProperty("version");
    }
}
