package com.instainstru.search.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import com.instainstru.search.embedding.EmbeddingService;
import com.instainstru.search.retrieval.ServiceMatch.Kind;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class ServiceMatcherTest {

    private ServiceMatcher matcher;

    @Inject
    EmbeddingService model;

    /** The service's own model: a native library loads once per JVM, and the Quarkus tests share this one. */
    @BeforeEach
    void load() {
        matcher = TestCatalog.matcher(model.embedder());
    }


    private List<String> names(String text) {
        return matcher.match(text).services().stream().map(s -> s.service().name()).toList();
    }

    @Test
    void aServiceNameWinsOverServicesThatOnlyMentionIt() {
        assertThat(matcher.match("piano").kind()).isEqualTo(Kind.SERVICE);
        assertThat(names("piano")).containsExactly("Piano");
        assertThat(names("keyboard")).containsExactly("Keyboard");
    }

    @Test
    void typosAreForgiven() {
        assertThat(names("paino")).containsExactly("Piano");
        assertThat(names("guittar")).containsExactly("Guitar");
        assertThat(names("spansh")).containsExactly("Spanish");
    }

    @Test
    void realWordsAreNotTakenForTyposOfOtherServices() {
        assertThat(names("driving")).doesNotContain("Drawing");
        assertThat(names("learn to play the keys")).doesNotContain("Pottery"); // "play" is not a typo of "clay"
        assertThat(names("conversational spanish")).containsExactly("Spanish");
        assertThat(names("calculus homework")).isNotEmpty().allMatch(n -> n.contains("Calculus"));
    }

    @Test
    void severalNamedServicesAndSubjectsSpanningRows() {
        assertThat(names("piano or guitar")).containsExactlyInAnyOrder("Piano", "Guitar");
        assertThat(matcher.match("piano or guitar").kind()).isEqualTo(Kind.SERVICES);
        assertThat(names("math")).isNotEmpty().allMatch(n -> n.toLowerCase().contains("math"));
        assertThat(matcher.match("math").category().slug()).isEqualTo("tutoring");
    }

    @Test
    void categoriesEverythingAndNothing() {
        assertThat(matcher.match("music").kind()).isEqualTo(Kind.CATEGORY);
        assertThat(matcher.match("language tutoring").category().slug()).isEqualTo("language");
        assertThat(matcher.match("").kind()).isEqualTo(Kind.ALL);
        assertThat(matcher.match("asdfghjkl qwerty").kind()).isEqualTo(Kind.NONE);
        assertThat(matcher.match("🎹🎸🥁").kind()).isEqualTo(Kind.NONE);
    }

    @Test
    void editDistanceCountsTranspositionsAndStopsPastTheLimit() {
        assertThat(Edits.distance("piano", "paino", 2)).isEqualTo(1);
        assertThat(Edits.distance("guitar", "guittar", 2)).isEqualTo(1);
        assertThat(Edits.distance("chess", "violin", 2)).isEqualTo(3);
    }
}
