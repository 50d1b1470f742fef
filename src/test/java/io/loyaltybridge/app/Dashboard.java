package io.loyaltybridge.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric names the shipped Grafana dashboard's PromQL queries name, so a test can find each in a scrape. */
final class Dashboard {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private Dashboard() {
    }

    static Set<String> metricNames(Path file) {
        JsonNode dashboard;
        try {
            dashboard = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> names = new TreeSet<>();
        dashboard.findValues("expr").forEach(expr -> names.addAll(metricsIn(expr.asText())));
        return names;
    }

    /**
     * Identifiers that are neither functions (followed by "("), label matchers ("{...}"), grouping labels
     * ("by (...)"), ranges ("[5m]"), Grafana variables ("$x") nor numbers: what is left names a metric.
     */
    static Set<String> metricsIn(String promql) {
        String bare = promql.replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without)\\s*\\([^)]*\\)", " ").replaceAll("\\$\\w+", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(bare);
        while (m.find()) {
            String rest = bare.substring(m.end()).stripLeading();
            if (!rest.startsWith("(") && !Set.of("by", "without", "on", "ignoring", "and", "or", "unless")
                    .contains(m.group())) {
                names.add(m.group());
            }
        }
        return names;
    }
}
