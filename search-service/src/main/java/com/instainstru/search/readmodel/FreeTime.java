package com.instainstru.search.readmodel;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.Arrays;

/** An instructor's free time as the offering index holds it: ascending {@code [start, end)} pairs of epoch ms. */
final class FreeTime {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final long DAY_MILLIS = 86_400_000L;

    private FreeTime() {
    }

    static ZoneId zone(String id) {
        try {
            return id == null ? NEW_YORK : ZoneId.of(id);
        } catch (DateTimeException e) {
            return NEW_YORK;
        }
    }

    /**
     * The pairs cut at every midnight of {@code zone}: the read model joins a date's free time that
     * runs to 24:00 with the next date's from 00:00, but a lesson may not run across midnight.
     */
    static long[] splitAtMidnight(Long[] pairs, ZoneId zone) {
        long[] out = new long[pairs.length + 8];
        int n = 0;
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            long start = pairs[i];
            long end = pairs[i + 1];
            for (long midnight = nextMidnight(start, zone); midnight < end; midnight = nextMidnight(midnight, zone)) {
                out = room(out, n);
                out[n++] = start;
                out[n++] = midnight;
                start = midnight;
            }
            out = room(out, n);
            out[n++] = start;
            out[n++] = end;
        }
        return Arrays.copyOf(out, n);
    }

    /** The first local midnight strictly after {@code millis}. */
    static long nextMidnight(long millis, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        ZoneOffset offset = rules.getOffset(Instant.ofEpochMilli(millis));
        long local = millis + offset.getTotalSeconds() * 1000L;
        long midnight = (Math.floorDiv(local, DAY_MILLIS) + 1) * DAY_MILLIS - offset.getTotalSeconds() * 1000L;
        if (rules.getOffset(Instant.ofEpochMilli(midnight)).equals(offset)) {
            return midnight;
        }
        // The offset changes before that midnight (daylight saving): let java.time place it.
        return Instant.ofEpochMilli(millis).atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant()
                .toEpochMilli();
    }

    private static long[] room(long[] out, int n) {
        return n + 2 <= out.length ? out : Arrays.copyOf(out, out.length * 2 + 2);
    }
}
