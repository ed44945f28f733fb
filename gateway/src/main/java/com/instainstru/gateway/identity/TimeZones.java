package com.instainstru.gateway.identity;

import com.instainstru.platform.problem.ApiException;
import java.time.ZoneId;
import java.util.List;

/** Users' time zones: IANA region names (Europe/Berlin), not offsets; the web page offers the common ones. */
public final class TimeZones {

    /** The zones the account page offers (any other IANA name is accepted through the API). */
    public static final List<String> COMMON = List.of("America/New_York", "America/Chicago", "America/Denver",
            "America/Phoenix", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu", "America/Toronto",
            "America/Vancouver", "America/Mexico_City", "America/Sao_Paulo", "Europe/London", "Europe/Dublin",
            "Europe/Lisbon", "Europe/Paris", "Europe/Berlin", "Europe/Madrid", "Europe/Rome", "Europe/Warsaw",
            "Europe/Athens", "Africa/Johannesburg", "Asia/Dubai", "Asia/Kolkata", "Asia/Singapore", "Asia/Tokyo",
            "Australia/Sydney", "Pacific/Auckland", "UTC");

    private TimeZones() {
    }

    /** {@code zone} (stripped) if it is an IANA time zone name; null if null; a 400 naming {@code field} if not. */
    public static String check(String field, String zone) {
        if (zone == null) {
            return null;
        }
        String name = zone.strip();
        if (!ZoneId.getAvailableZoneIds().contains(name)) {
            throw ApiException.invalid(field, "must be an IANA time zone such as Europe/Berlin");
        }
        return name;
    }
}
