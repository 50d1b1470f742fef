package io.loyaltybridge.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every operation of the REST DSL, read from the shipped route files themselves, so a test that walks them covers
 * operations added later without being told.
 */
record RestRoutes(String method, String path, String routeId) {
    private static final List<String> VERBS = List.of("get", "post", "put", "patch", "delete", "head");

    static List<RestRoutes> all() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<RestRoutes> routes = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (JsonNode item : yaml.readTree(file.toFile())) {
                    JsonNode rest = item.get("rest");
                    if (rest == null) {
                        continue;
                    }
                    String base = rest.path("path").asText("");
                    for (String verb : VERBS) {
                        for (JsonNode op : rest.path(verb)) {
                            routes.add(new RestRoutes(verb.toUpperCase(), base + op.path("path").asText(""),
                                    op.path("routeId").asText(op.path("id").asText(""))));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (routes.isEmpty()) {
            throw new IllegalStateException("no REST operations found under routes/");
        }
        return routes;
    }

    boolean writes() {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }

    /** The path with each {param} filled in: ids from {@code member}, anything else a plausible word. */
    String concrete(long member, String word) {
        return path.replace("{id}", Long.toString(member)).replaceAll("\\{[^}]+}", word);
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
