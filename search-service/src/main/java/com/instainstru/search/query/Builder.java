package com.instainstru.search.query;

import com.instainstru.search.query.ParsedQuery.DateRange;
import com.instainstru.search.query.ParsedQuery.Location;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;

/** The constraints found so far while a query is parsed. */
final class Builder {

    BigDecimal minPrice;
    BigDecimal maxPrice;
    String budget;
    DateRange date;
    String timeOfDay;
    LocalTime timeAfter;
    LocalTime timeBefore;
    Integer durationMinutes;
    String level;
    String ageGroup;
    Location location;
    Boolean online;
    String locationType;

    void range(BigDecimal a, BigDecimal b) {
        minPrice = a.min(b);
        maxPrice = a.max(b);
    }

    void exact(LocalDate day) {
        if (day != null) {
            date = new DateRange("date", day, day);
        }
    }

    /** A stretch of the day: clock times, named as the part of the day it lies in. */
    void between(LocalTime after, LocalTime before, String partOfDay) {
        timeAfter = after;
        timeBefore = before;
        if (partOfDay != null) {
            timeOfDay = partOfDay;
        }
    }

    ParsedQuery build(String serviceText) {
        return new ParsedQuery(serviceText, minPrice, maxPrice, date, timeOfDay, timeAfter, timeBefore,
                durationMinutes, level, ageGroup, location, online, locationType, budget);
    }
}
