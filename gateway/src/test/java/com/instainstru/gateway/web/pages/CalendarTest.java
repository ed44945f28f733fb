package com.instainstru.gateway.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.instainstru.gateway.web.client.BookingViews.Booking;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CalendarTest {

    private static Booking booking(String service, String where) {
        OffsetDateTime start = OffsetDateTime.parse("2026-12-01T10:00-05:00");
        return new Booking(UUID.fromString("3f2a9c1b-0000-4000-8000-000000000001"), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), service, "Ada Park", start, start.plusMinutes(30), 30,
                new BigDecimal("60"), new BigDecimal("30"), "student_home", where, null, "America/New_York", "confirmed",
                null, null, null, false, null, start.minusDays(1), "USD");
    }

    @Test
    void aLessonIsAnEventInUtcWithItsReference() {
        String ics = Calendar.event(booking("Piano", "12 Elm St; 3rd floor, apt 4"), "http://x/lessons/1",
                Instant.parse("2026-11-30T12:00:00Z"));

        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics).contains("DTSTART:20261201T150000Z\r\n", "DTEND:20261201T153000Z\r\n",
                "DTSTAMP:20261130T120000Z\r\n", "UID:3f2a9c1b-0000-4000-8000-000000000001@instainstru\r\n",
                "SUMMARY:Piano lesson with Ada Park\r\n", "LOCATION:12 Elm St\\; 3rd floor\\, apt 4\r\n", "STATUS:CONFIRMED");
        assertThat(ics).contains("Booking 3F2A9C1B");
    }

    @Test
    void longLinesAreFoldedAtSeventyFiveOctetsWithoutCuttingACharacter() {
        String ics = Calendar.event(booking("Éveil musical pour les tout-petits, très très très longue description", null),
                "http://x/lessons/1", Instant.now());

        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).contains("SUMMARY:Éveil musical pour les tout-petits\\, très très très longue description "
                + "lesson with Ada Park");
        assertThat(Arrays.stream(ics.split("\r\n")).filter(l -> l.startsWith(" "))).isNotEmpty();
    }
}
