package com.instainstru.gateway.web.pages;

import com.instainstru.gateway.web.client.BookingViews.Booking;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A lesson as an iCalendar event (RFC 5545), for "Add to calendar". */
public final class Calendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private Calendar() {
    }

    public static String event(Booking b, String pageUrl, Instant now) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//InstaInstru//Lessons//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:PUBLISH");
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + b.id() + "@instainstru");
        line(ics, "DTSTAMP:" + UTC.format(now));
        line(ics, "DTSTART:" + utc(b.startTime()));
        line(ics, "DTEND:" + utc(b.endTime()));
        line(ics, "SUMMARY:" + text(b.serviceName() + " lesson with " + b.instructorName()));
        line(ics, "DESCRIPTION:" + text("Booking " + b.reference() + ", " + b.durationMinutes() + " minutes. " + pageUrl));
        line(ics, "LOCATION:" + text(location(b)));
        line(ics, "URL:" + pageUrl);
        line(ics, "STATUS:" + (b.cancelled() ? "CANCELLED" : "CONFIRMED"));
        line(ics, "END:VEVENT");
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    private static String location(Booking b) {
        if (b.meetingLocation() != null && !b.meetingLocation().isBlank()) {
            return b.meetingLocation();
        }
        return Formats.place(b.locationType());
    }

    private static String utc(OffsetDateTime t) {
        return UTC.format(t.toInstant());
    }

    /** TEXT values escape backslash, semicolon, comma and new lines. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n");
    }

    /** Lines end with CRLF and are folded at 75 octets (continuation lines start with a space). */
    private static void line(StringBuilder out, String line) {
        byte[] bytes = line.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int start = 0;
        int limit = 75;
        while (bytes.length - start > limit) {
            int end = start + limit;
            while ((bytes[end] & 0xC0) == 0x80) {
                end--; // never cut a UTF-8 character in two
            }
            out.append(new String(bytes, start, end - start, java.nio.charset.StandardCharsets.UTF_8)).append("\r\n ");
            start = end;
            limit = 74;
        }
        out.append(new String(bytes, start, bytes.length - start, java.nio.charset.StandardCharsets.UTF_8)).append("\r\n");
    }
}
