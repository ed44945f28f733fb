package com.instainstru.search.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.instainstru.search.query.NycAreas;
import com.instainstru.search.query.ParsedQuery;
import com.instainstru.search.query.QueryParser;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class AskedTimeTest {

    private static final ZoneId NY = ZoneId.of("America/New_York");
    private static final QueryParser PARSER = new QueryParser(NycAreas.load());

    private static AskedTime asked(String query, ZonedDateTime now) {
        ParsedQuery q = PARSER.parse(query, now.toLocalDate());
        return AskedTime.of(q, now);
    }

    private static Instant ny(String date, int hour) {
        return LocalDate.parse(date).atTime(hour, 0).atZone(NY).toInstant();
    }

    @Test
    void noWhenMeansNoTimeConstraint() {
        assertThat(asked("piano under $50", ZonedDateTime.of(2026, 11, 26, 9, 0, 0, 0, NY))).isNull();
    }

    @Test
    void tomorrowEveningIsFiveToTenInNewYork() {
        AskedTime t = asked("piano tomorrow evening", ZonedDateTime.of(2026, 11, 26, 9, 0, 0, 0, NY));
        assertThat(t.intervals()).hasSize(1);
        assertThat(t.intervals().get(0)).containsExactly(ny("2026-11-27", 17), ny("2026-11-27", 22));
    }

    @Test
    void whatIsAlreadyPastTodayIsCutOff() {
        ZonedDateTime now = ZonedDateTime.of(2026, 11, 26, 19, 30, 0, 0, NY);
        AskedTime t = asked("guitar tonight", now);
        assertThat(t.intervals()).hasSize(1);
        assertThat(t.intervals().get(0)).containsExactly(now.toInstant(), ny("2026-11-26", 22));
        assertThat(asked("guitar this morning", now).intervals()).isEmpty();
    }

    @Test
    void aClockTimeWithoutADateMeansTheComingWeek() {
        AskedTime t = asked("yoga after 6pm", ZonedDateTime.of(2026, 11, 26, 9, 0, 0, 0, NY));
        assertThat(t.intervals()).hasSize(7);
        assertThat(t.intervals().get(0)).containsExactly(ny("2026-11-26", 18), ny("2026-11-27", 0));
        assertThat(t.millis()).hasSize(14).startsWith(ny("2026-11-26", 18).toEpochMilli(), ny("2026-11-27", 0).toEpochMilli());
    }

    @Test
    void wholeDaysOneAfterAnotherAreOneStretch() {
        AskedTime t = asked("piano this weekend", ZonedDateTime.of(2026, 11, 26, 9, 0, 0, 0, NY));
        assertThat(t.intervals()).hasSize(2);
        assertThat(t.millis()).containsExactly(ny("2026-11-28", 0).toEpochMilli(), ny("2026-11-30", 0).toEpochMilli());
    }

    @Test
    void eveningsAcrossTheDaylightSavingChangeKeepTheirLocalHours() {
        // 2026-11-01: New York falls back from UTC-4 to UTC-5.
        AskedTime t = asked("swimming this weekend evening", ZonedDateTime.of(2026, 10, 29, 9, 0, 0, 0, NY));
        assertThat(t.intervals()).extracting(i -> i[0]).containsExactly(
                Instant.parse("2026-10-31T21:00:00Z"), Instant.parse("2026-11-01T22:00:00Z"));
    }
}
