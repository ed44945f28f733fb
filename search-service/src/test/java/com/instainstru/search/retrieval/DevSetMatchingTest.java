package com.instainstru.search.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.instainstru.search.embedding.EmbeddingService;
import com.instainstru.search.query.NycAreas;
import com.instainstru.search.query.ParsedQuery;
import com.instainstru.search.query.QueryParser;
import com.instainstru.search.retrieval.ServiceMatch.Kind;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Which services the development queries reach (parser + matcher, real model, the seeded catalog).
 * Rules of the data README: a named service returns only it (or only services of the accepted set);
 * a broad query stays in its category; a price-only query searches everything.
 */
@QuarkusTest
class DevSetMatchingTest {

    private ServiceMatcher matcher;
    private static final QueryParser PARSER = new QueryParser(NycAreas.load());

    @Inject
    EmbeddingService model;

    /** The service's own model: a native library loads once per JVM, and the Quarkus tests share this one. */
    @BeforeEach
    void load() {
        matcher = TestCatalog.matcher(model.embedder());
    }


    @Test
    void theDevelopmentQueriesReachTheServicesTheyName() throws Exception {
        JsonNode queries;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("nls-dev-queries.json")) {
            queries = new ObjectMapper().readTree(in);
        }
        int judged = 0;
        int specific = 0;
        int specificRight = 0;
        List<String> wrong = new ArrayList<>();
        for (JsonNode q : queries) {
            JsonNode e = q.get("expect");
            ParsedQuery parsed = PARSER.parse(q.get("query").asText(), LocalDate.of(2026, 11, 26));
            ServiceMatch m = matcher.match(parsed.serviceText());
            if (e.has("no_error")) {
                if (e.has("expect_empty") && m.kind() != Kind.NONE) {
                    wrong.add(q.get("query").asText() + " → expected nothing, got " + describe(m));
                }
                continue;
            }
            judged++;
            Set<String> got = new HashSet<>(m.services().stream().map(s -> s.service().name()).toList());
            String verdict = null;
            if (e.hasNonNull("service") || e.has("services")) {
                Set<String> allowed = new HashSet<>();
                if (e.has("services")) {
                    e.get("services").forEach(n -> allowed.add(n.asText()));
                } else {
                    allowed.add(e.get("service").asText());
                }
                boolean named = e.hasNonNull("service") && !e.has("services");
                if (named) {
                    specific++;
                }
                if (got.isEmpty() || !allowed.containsAll(got)) {
                    verdict = "expected within " + allowed;
                } else if (named) {
                    specificRight++;
                }
            } else if (e.hasNonNull("category")) {
                String category = e.get("category").asText();
                boolean inCategory = m.category() != null && m.category().name().equals(category);
                if (!inCategory) {
                    verdict = "expected category " + category;
                }
            } else if (m.kind() != Kind.ALL) {
                verdict = "expected all services";
            }
            if (verdict != null) {
                wrong.add(q.get("query").asText() + " → " + verdict + ", got " + describe(m));
            }
        }
        System.out.printf("service/category right: %d/%d; specific-service queries with only that service: %d/%d%n",
                judged - wrong.size(), judged, specificRight, specific);
        wrong.forEach(System.out::println);
        assertThat(specificRight).as("specific-service queries return no other service").isEqualTo(specific);
        assertThat(judged - wrong.size()).isGreaterThanOrEqualTo((int) Math.ceil(judged * 0.95));
    }

    private static String describe(ServiceMatch m) {
        return m.kind() + (m.category() == null ? "" : " " + m.category().name()) + " "
                + m.services().stream().map(s -> s.service().name()).limit(6).toList();
    }
}
