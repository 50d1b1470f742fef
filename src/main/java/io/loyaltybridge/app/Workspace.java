package io.loyaltybridge.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The folders an integrator edits, found in the working directory: {@code config/application.properties} and
 * {@code routes/*.camel.yaml}. A missing one stops the start with a sentence naming it.
 */
public record Workspace(Path root) {
    public Path configFile() {
        return root.resolve("config").resolve("application.properties");
    }

    public Path routesDir() {
        return root.resolve("routes");
    }

    /** The properties file, with {@code overrides} (from -D or tests) laid over it. */
    public Properties properties(Map<String, String> overrides) {
        Path file = configFile();
        if (!Files.isRegularFile(file)) {
            throw new StartupException("missing configuration file " + file + " (run from the folder holding config/)");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new StartupException("cannot read " + file + ": " + e.getMessage());
        }
        overrides.forEach(properties::setProperty);
        return properties;
    }

    /** The Camel Main pattern that loads every route file; fails when there are none. */
    public String routesPattern() {
        Path dir = routesDir();
        if (!Files.isDirectory(dir)) {
            throw new StartupException("missing routes folder " + dir + " (run from the folder holding routes/)");
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.camel.yaml")) {
            if (!files.iterator().hasNext()) {
                throw new StartupException("no route files (*.camel.yaml) in " + dir);
            }
        } catch (IOException e) {
            throw new StartupException("cannot read routes folder " + dir + ": " + e.getMessage());
        }
        return "file:" + dir.toAbsolutePath().normalize() + "/*.camel.yaml";
    }
}
