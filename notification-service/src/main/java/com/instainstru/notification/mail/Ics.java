package com.instainstru.notification.mail;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A lesson as an iCalendar request or cancellation (RFC 5545, iTIP RFC 5546): the same UID for the lesson however
 * often it moves (its first booking's id), SEQUENCE growing with each change, so a calendar that took the first
 * invitation updates or removes that one event.
 */
public final class Ics {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private Ics() {
    }

    /** The event in the form a mail attachment carries; {@code cancel}: METHOD:CANCEL, STATUS:CANCELLED. */
    public static String event(String calendarUid, int sequence, boolean cancel, Instant start, Instant end,
            String summary, String description, String organizer, String attendee, Instant now) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//InstaInstru//Notifications//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:" + (cancel ? "CANCEL" : "REQUEST"));
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + uid(calendarUid));
        line(ics, "SEQUENCE:" + sequence);
        line(ics, "DTSTAMP:" + UTC.format(now));
        line(ics, "DTSTART:" + UTC.format(start));
        line(ics, "DTEND:" + UTC.format(end));
        line(ics, "SUMMARY:" + text(summary));
        line(ics, "DESCRIPTION:" + text(description));
        line(ics, "ORGANIZER:mailto:" + organizer);
        line(ics, "ATTENDEE;ROLE=REQ-PARTICIPANT:mailto:" + attendee);
        line(ics, "STATUS:" + (cancel ? "CANCELLED" : "CONFIRMED"));
        line(ics, "END:VEVENT");
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    public static String uid(String calendarUid) {
        return calendarUid + "@instainstru.com";
    }

    /** TEXT values escape backslash, semicolon, comma and new lines. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n");
    }

    /** Lines end with CRLF and are folded at 75 octets (continuation lines start with a space). */
    private static void line(StringBuilder out, String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        int limit = 75;
        while (bytes.length - start > limit) {
            int end = start + limit;
            while ((bytes[end] & 0xC0) == 0x80) {
                end--; // never split a UTF-8 sequence
            }
            out.append(new String(bytes, start, end - start, StandardCharsets.UTF_8)).append("\r\n ");
            start = end;
            limit = 74;
        }
        out.append(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8)).append("\r\n");
    }
}
