package com.instainstru.platform.web;

import com.instainstru.platform.problem.ApiException;
import java.util.UUID;

/** Parses ids taken from paths and query strings, so a malformed one is a clear 400, not a 404 or 500. */
public final class Ids {

    private Ids() {
    }

    public static UUID parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid(field, "is required");
        }
        if (!looksLikeUuid(value)) {
            throw ApiException.invalid(field, "is not a valid id (a UUID)");
        }
        return UUID.fromString(value);
    }

    public static boolean looksLikeUuid(String value) {
        return value != null && value.length() == 36
                && value.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    }
}
