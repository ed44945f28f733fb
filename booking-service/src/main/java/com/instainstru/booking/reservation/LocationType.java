package com.instainstru.booking.reservation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** Where a lesson happens; the JSON form is the lower-case word. */
public enum LocationType {
    @JsonProperty("online") ONLINE,
    @JsonProperty("studio") STUDIO,
    @JsonProperty("student_home") STUDENT_HOME;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
