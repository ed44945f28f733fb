package com.instainstru.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The metrics the alert rules and the dashboard read are exactly those in monitoring/metrics-used.txt,
 * the list a test against a running service's /q/metrics checks. Metric names are read from the PromQL
 * selectors ({@code name{...}}: every query here gives each metric a selector).
 */
final class Metrics {

    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\{");

    private Metrics() {
    }

    static List<Finding> check(Manifests m, Path dir) throws IOException {
        List<Finding> findings = new ArrayList<>();
        Path listFile = dir.resolve("monitoring/metrics-used.txt");
        Set<String> listed = Files.readAllLines(listFile).stream().map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toCollection(TreeSet::new));
        Set<String> used = new TreeSet<>();
        m.ofKind("PrometheusRule").forEach(r -> {
            for (JsonNode group : r.path("spec").path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    used.addAll(names(rule.path("expr").asText(), r, findings));
                }
            }
        });
        m.ofKind("ConfigMap").filter(c -> c.path("metadata").path("labels").has("grafana_dashboard")).forEach(c ->
            c.path("data").fields().forEachRemaining(f -> {
                try {
                    for (JsonNode panel : new ObjectMapper().readTree(f.getValue().asText()).path("panels")) {
                        for (JsonNode target : panel.path("targets")) {
                            used.addAll(names(target.path("expr").asText(), c, findings));
                        }
                    }
                } catch (IOException e) {
                    findings.add(new Finding(Manifests.id(c), f.getKey() + " is not JSON: " + e.getMessage()));
                }
            }));
        for (String name : used) {
            if (!listed.contains(name)) {
                findings.add(new Finding("monitoring/metrics-used.txt", "the alerts or the dashboard read " + name + ", which is not listed"));
            }
        }
        for (String name : listed) {
            if (!used.contains(name)) {
                findings.add(new Finding("monitoring/metrics-used.txt", "lists " + name + ", which no alert or panel reads"));
            }
        }
        return findings;
    }

    private static Set<String> names(String expr, JsonNode owner, List<Finding> findings) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = SELECTOR.matcher(expr);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        if (names.isEmpty() && !expr.isBlank() && !expr.contains(":")) {
            findings.add(new Finding(Manifests.id(owner), "a query reads no metric with a selector: " + expr));
        }
        return names;
    }
}
