package com.instainstru.platform.time;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** An instant as a {@code timestamptz} parameter of the reactive PostgreSQL client, which binds an {@link OffsetDateTime}. */
public final class Utc {

    private Utc() {
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
