package com.instainstru.search.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The real model, loaded from the classpath as the service will load it. */
@QuarkusTest
class EmbedderTest {

    /** The service's own model: a native library loads once per JVM, and the Quarkus tests share this one. */
    @Inject
    EmbeddingService model;

    private Embedder embedder;

    @BeforeEach
    void load() {
        embedder = model.embedder();
    }


    private double similarity(String a, String b) {
        return Embedder.cosine(embedder.embed(a), embedder.embed(b));
    }

    @Test
    void vectorsHave384UnitLengthDimensionsAndAreDeterministic() {
        float[] v = embedder.embed("piano lessons for beginners");
        assertThat(v).hasSize(Embedder.DIMENSIONS);
        assertThat(Embedder.cosine(v, v)).isCloseTo(1.0, within(1e-5));
        assertThat(embedder.embed("piano lessons for beginners")).containsExactly(v);
    }

    @Test
    void meaningIsCloserThanTopic() {
        assertThat(similarity("piano lessons", "learn to play the piano"))
                .isGreaterThan(similarity("piano lessons", "spanish tutoring") + 0.2);
        assertThat(similarity("math tutor", "algebra homework help"))
                .isGreaterThan(similarity("math tutor", "hip hop dance"));
        assertThat(similarity("swimming", "swim lessons in a pool"))
                .isGreaterThan(similarity("swimming", "chess strategy"));
    }

    @Test
    void oddTextStillEmbeds() {
        for (String odd : new String[] {"", "   ", "学钢琴", "🎹🎸🥁", "'; DROP TABLE x; --", "piano ".repeat(400)}) {
            float[] v = embedder.embed(odd);
            assertThat(v).hasSize(Embedder.DIMENSIONS);
            assertThat(Embedder.cosine(v, v)).isCloseTo(1.0, within(1e-4));
        }
    }

    @Test
    void poolingAveragesOnlyMaskedTokens() {
        float[][] hidden = new float[3][Embedder.DIMENSIONS];
        hidden[0][0] = 2;
        hidden[1][0] = 4;
        hidden[2][0] = 100;
        float[] mean = Embedder.meanOverMask(hidden, new long[] {1, 1, 0});
        assertThat(mean[0]).isEqualTo(3f);
        assertThat(Embedder.normalise(new float[] {3, 4})).containsExactly(0.6f, 0.8f);
    }
}
