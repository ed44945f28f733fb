package com.instainstru.platform.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.instainstru.platform.web.Amounts;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reading the fields of an event's envelope or payload, the same way in every consumer. A required field that is
 * missing, null, blank or of the wrong form throws {@link IllegalArgumentException} naming it: an
 * {@link EventHandler} lets it through and the consumer skips the malformed event (retrying cannot mend it). An
 * optional field that is missing or null reads as {@code null}; present, it must be well-formed too.
 */
public final class EventFields {

    private EventFields() {
    }

    /** A required string: present, a JSON string, not blank. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value.asText();
    }

    /** An optional value as text (a number or boolean as it is written), {@code null} when missing or null. */
    public static String optionalText(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    public static UUID uuid(JsonNode node, String field) {
        return parsed(node, field, UUID::fromString, "a UUID");
    }

    public static UUID optionalUuid(JsonNode node, String field) {
        return node.hasNonNull(field) ? uuid(node, field) : null;
    }

    /** A required ISO-8601 date-time with an offset ({@code 2026-05-01T09:00:00Z}). */
    public static OffsetDateTime dateTime(JsonNode node, String field) {
        return parsed(node, field, OffsetDateTime::parse, "a date-time");
    }

    public static OffsetDateTime optionalDateTime(JsonNode node, String field) {
        return node.hasNonNull(field) ? dateTime(node, field) : null;
    }

    public static Instant instant(JsonNode node, String field) {
        return dateTime(node, field).toInstant();
    }

    /**
     * The currency of the amounts in {@code node} (an event's payload, or an object in it): its {@code currency},
     * an ISO 4217 code; one written before events carried a currency has none and is in USD. Every figure a
     * consumer keeps is in the platform's one currency ({@link Amounts#CURRENCY}), so amounts in another one
     * cannot be added to them: {@link IllegalArgumentException}, and the event is skipped as malformed.
     */
    public static String platformCurrency(JsonNode node) {
        JsonNode value = node.get("currency");
        if (value == null || value.isNull()) {
            return Amounts.CURRENCY;
        }
        if (!value.isTextual() || !Amounts.CURRENCY.equals(value.asText())) {
            throw new IllegalArgumentException("currency is " + value + ": only " + Amounts.CURRENCY
                    + " amounts can be kept");
        }
        return Amounts.CURRENCY;
    }

    private static <T> T parsed(JsonNode node, String field, Function<String, T> parse, String what) {
        String text = text(node, field);
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new IllegalArgumentException(field + " is not " + what + ": " + text, e);
        }
    }
}
