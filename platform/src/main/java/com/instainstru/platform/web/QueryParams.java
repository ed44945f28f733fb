package com.instainstru.platform.web;

import com.instainstru.platform.problem.ApiException;
/** Numeric query parameters parsed by hand, so "abc" or "-3" is a clear 400 rather than a generic 404. */
public final class QueryParams {

    private QueryParams() {
    }

    public static int intIn(String name, String raw, int fallback, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, "must be a whole number");
        }
        if (value < min || value > max) {
            throw ApiException.invalid(name, "must be between " + min + " and " + max);
        }
        return value;
    }
}
