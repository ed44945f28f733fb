package com.instainstru.gateway.web.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pages read every date-time a service writes exactly as java.time would, offset included. */
class Rfc3339TimesTest {

    /** The services' writer (Quarkus's defaults: ISO text, not timestamps). */
    private static final ObjectMapper SERVICE = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final ObjectMapper PAGES = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE).registerModule(Rfc3339Times.module());

    record Day(List<OffsetDateTime> startTimes) {
    }

    @Test
    void whatAServiceWritesIsReadBackAsTheSameTimeInTheSameOffset() throws Exception {
        Random random = new Random(20261201);
        for (int i = 0; i < 20_000; i++) {
            long second = random.nextLong(Instant.parse("1900-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("2200-01-01T00:00:00Z").getEpochSecond());
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 60, 18 * 60 + 1) * 60);
            OffsetDateTime time = Instant.ofEpochSecond(second, nanos).atOffset(offset);
            String json = SERVICE.writeValueAsString(new Day(List.of(time)));
            assertThat(PAGES.readValue(json, Day.class).startTimes()).as(json).containsExactly(time);
        }
    }

    @Test
    void otherIsoFormsAreStillRead() throws Exception {
        assertThat(read("2026-12-01T17:00-05:00")).isEqualTo(OffsetDateTime.parse("2026-12-01T17:00:00-05:00"));
        assertThat(read("2026-12-01T22:00:00Z")).isEqualTo(OffsetDateTime.parse("2026-12-01T22:00:00Z"));
        assertThat(read("2026-12-01T22:00:00.5+00:00").getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(read("2026-12-01T17:00:00-05:00").getOffset()).isEqualTo(ZoneOffset.ofHours(-5));
    }

    @Test
    void whatIsNotADateTimeIsRefusedAsAnyBadFieldIs() {
        for (String bad : List.of("2026-13-01T17:00:00-05:00", "2026-12-01 17:00", "tomorrow", "", "2026-12-01",
                "2026-02-30T10:00:00Z", "2026-12-01T25:00:00Z")) {
            assertThatThrownBy(() -> read(bad)).as(bad).isInstanceOf(InvalidFormatException.class);
        }
        assertThatThrownBy(() -> PAGES.readValue("{\"startTimes\": [1764626400]}", Day.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    private static OffsetDateTime read(String text) throws Exception {
        return PAGES.readValue("{\"startTimes\": [\"" + text + "\"]}", Day.class).startTimes().get(0);
    }
}
