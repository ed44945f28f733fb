package com.instainstru.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The constraint fields of the development queries (service and category are retrieval's part and
 * are judged by the evaluation against the live service). The rules are written for the language,
 * not for these lines; this keeps them honest on the lines we have.
 */
class DevSetParsingTest {

    private static final QueryParser PARSER = new QueryParser(NycAreas.load());
    private static final List<String> FIELDS = List.of("max_price", "min_price", "date", "time_of_day", "duration_min",
            "level", "location", "online");
    /** Checked only where the expectation states them. */
    private static final List<String> STATED = List.of("location_type", "time_after", "time_before");

    @Test
    void everyConstraintOfTheDevelopmentQueriesIsReadAsExpected() throws Exception {
        JsonNode queries;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("nls-dev-queries.json")) {
            queries = new ObjectMapper().readTree(in);
        }
        Map<String, int[]> perField = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        for (JsonNode q : queries) {
            JsonNode expect = q.get("expect");
            if (expect.has("no_error")) {
                PARSER.parse(q.get("query").asText(), LocalDate.now());
                continue;
            }
            ParsedQuery p = PARSER.parse(q.get("query").asText(), LocalDate.of(2026, 11, 26));
            List<String> fields = new ArrayList<>(FIELDS);
            STATED.stream().filter(expect::has).forEach(fields::add);
            for (String field : fields) {
                Object expected = expected(expect.get(field));
                Object actual = actual(field, p, expected);
                int[] score = perField.computeIfAbsent(field, f -> new int[2]);
                score[1]++;
                if (Objects.equals(expected, actual)) {
                    score[0]++;
                } else {
                    wrong.add(q.get("query").asText() + " → " + field + ": expected " + expected + ", got " + actual);
                }
            }
        }
        perField.forEach((f, s) -> System.out.printf("%-14s %d/%d%n", f, s[0], s[1]));
        wrong.forEach(System.out::println);
        assertThat(wrong).isEmpty();
    }

    private static Object expected(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return new BigDecimal(node.asText()).stripTrailingZeros().toPlainString();
        }
        return node.isBoolean() ? node.asBoolean() : node.asText();
    }

    private static Object actual(String field, ParsedQuery p, Object expected) {
        return switch (field) {
            case "max_price" -> plain(p.maxPrice());
            case "min_price" -> plain(p.minPrice());
            case "date" -> p.date() == null ? null : p.date().keyword();
            case "time_of_day" -> p.timeOfDay();
            case "duration_min" -> p.durationMinutes() == null ? null : p.durationMinutes().toString();
            case "level" -> expected != null && expected.equals(p.ageGroup()) ? p.ageGroup()
                    : p.level() != null ? p.level() : p.ageGroup();
            case "location" -> p.location() == null ? null : p.location().text();
            case "location_type" -> p.locationType();
            case "time_after" -> p.timeAfter() == null ? null : p.timeAfter().toString();
            case "time_before" -> p.timeBefore() == null ? null : p.timeBefore().toString();
            default -> p.online();
        };
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
