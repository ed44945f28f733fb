package com.instainstru.gateway.web.client;

import com.ethlo.time.ITU;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The services' date-times as the pages read them: with the offset the service wrote (the instructor's zone),
 * through a parser made for RFC 3339 (a profile's 14 days are hundreds of start times; java.time's
 * general-purpose parser was a quarter of the page's time). Anything else ISO 8601 accepts (no seconds, say)
 * goes to java.time as before; what neither reads is the tolerant reader's error, as for any other field.
 */
final class Rfc3339Times extends StdScalarDeserializer<OffsetDateTime> {

    private Rfc3339Times() {
        super(OffsetDateTime.class);
    }

    static SimpleModule module() {
        return new SimpleModule("rfc3339-times").addDeserializer(OffsetDateTime.class, new Rfc3339Times());
    }

    static OffsetDateTime parse(String text) {
        try {
            return ITU.parseDateTime(text);
        } catch (DateTimeException fast) {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
    }

    @Override
    public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (OffsetDateTime) context.handleUnexpectedToken(OffsetDateTime.class, parser);
        }
        String text = parser.getText().strip();
        try {
            return parse(text);
        } catch (DateTimeException e) {
            return (OffsetDateTime) context.handleWeirdStringValue(OffsetDateTime.class, text,
                    "not an RFC 3339 date-time: %s", e.getMessage());
        }
    }
}
