package com.instainstru.platform.web;

import com.instainstru.platform.problem.ApiException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Dates from paths and query strings: a malformed one is a 400 naming the parameter. */
public final class Dates {

    private Dates() {
    }

    public static LocalDate parse(String field, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            if (fallback == null) {
                throw ApiException.invalid(field, "is required (YYYY-MM-DD)");
            }
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be a date YYYY-MM-DD");
        }
    }
}
