package com.instainstru.catalog.offering;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** The closed vocabularies of an offering; their JSON form is the lower-case word. */
public final class OfferingTerms {

    private OfferingTerms() {
    }

    public enum Level {
        @JsonProperty("beginner") BEGINNER,
        @JsonProperty("intermediate") INTERMEDIATE,
        @JsonProperty("advanced") ADVANCED;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum AgeGroup {
        @JsonProperty("kids") KIDS,
        @JsonProperty("teens") TEENS,
        @JsonProperty("adults") ADULTS;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum LocationType {
        @JsonProperty("online") ONLINE,
        @JsonProperty("studio") STUDIO,
        @JsonProperty("student_home") STUDENT_HOME;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
