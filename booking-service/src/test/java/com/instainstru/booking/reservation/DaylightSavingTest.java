package com.instainstru.booking.reservation;

import static com.instainstru.booking.support.Fixtures.at;
import static com.instainstru.booking.support.Fixtures.book;
import static com.instainstru.booking.support.Fixtures.publish;
import static org.assertj.core.api.Assertions.assertThat;

import com.instainstru.booking.support.CatalogServiceResource;
import com.instainstru.booking.support.Fixtures;
import com.instainstru.booking.support.Fixtures.Teacher;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Lessons across America/New_York's clock changes have their real length and price. */
@QuarkusTest
@QuarkusTestResource(CatalogServiceResource.class)
class DaylightSavingTest {

    private static LocalDate nextTransition(boolean springForward) {
        ZoneOffsetTransition t = ZoneId.of("America/New_York").getRules().nextTransition(java.time.Instant.now());
        while (t.isGap() != springForward) {
            t = ZoneId.of("America/New_York").getRules().nextTransition(t.getInstant());
        }
        return t.getDateTimeBefore().toLocalDate();
    }

    @Test
    void aLessonAcrossTheSpringForwardLastsAndCostsItsRealMinutes() {
        check(nextTransition(true), "01:30", "03:30");
    }

    @Test
    void aLessonAcrossTheFallBackLastsAndCostsItsRealMinutes() {
        // 01:30 EDT + 60 minutes is 01:30 EST: the wall clock shows the same time, the lesson is an hour.
        check(nextTransition(false), "01:30", "01:30");
    }

    private static void check(LocalDate day, String start, String localEnd) {
        Teacher t = Fixtures.teacher("60", List.of(60, 90), List.of("online"));
        Fixtures.settings(t.id(), 0, 0, 365);
        publish(t.id(), day, "00:00-05:00");
        OffsetDateTime begin = at(day, start);
        JsonPath booked = book(UUID.randomUUID(), t, begin, 60).then().statusCode(201).extract().jsonPath();
        OffsetDateTime s = OffsetDateTime.parse(booked.getString("startTime"));
        OffsetDateTime e = OffsetDateTime.parse(booked.getString("endTime"));
        assertThat(Duration.between(s, e)).isEqualTo(Duration.ofMinutes(60));
        assertThat(e.toLocalTime().toString()).isEqualTo(localEnd);
        assertThat(booked.getFloat("totalPrice")).isEqualTo(60.0f);
    }
}
