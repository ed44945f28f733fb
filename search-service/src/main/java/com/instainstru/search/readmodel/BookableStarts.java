package com.instainstru.search.readmodel;

/**
 * Lesson start times as booking-service accepts them: on the quarter hour, the whole lesson inside
 * one stretch of free time (never across the instructor's midnight: the index splits free time
 * there) and inside the asked time. Every time zone's offset is a whole number of quarter hours, so
 * a quarter hour of epoch time is a quarter hour on every local clock. Pure arithmetic, no allocation
 * beyond the caller's array.
 */
public final class BookableStarts {

    /** Lessons start on this grid (booking-service's {@code Schedule.GRID_MINUTES}). */
    public static final long GRID_MILLIS = 15 * 60_000L;

    private BookableStarts() {
    }

    /**
     * Fills {@code out} with the first starts at or after {@code from} of a lesson {@code needed} ms
     * long that ends by {@code until}, inside {@code free} and (unless null) {@code asked} — both
     * ascending, disjoint {@code [start, end)} pairs of epoch ms — and returns how many it found.
     */
    public static int starts(long[] free, long[] asked, long from, long until, long needed, long[] out) {
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < free.length && n < out.length && (asked == null || j < asked.length)) {
            long start = free[i];
            long end = Math.min(free[i + 1], until);
            if (asked != null) {
                start = Math.max(start, asked[j]);
                end = Math.min(end, asked[j + 1]);
            }
            for (long t = onGrid(Math.max(start, from)); t + needed <= end && n < out.length; t += GRID_MILLIS) {
                out[n++] = t;
            }
            if (asked == null || free[i + 1] <= asked[j + 1]) {
                i += 2;
            } else {
                j += 2;
            }
        }
        return n;
    }

    /** The first such start, or {@link OfferingIndex#NONE} (the same walk as {@link #starts}, without allocating: it runs per candidate). */
    public static long first(long[] free, long[] asked, long from, long until, long needed) {
        int i = 0;
        int j = 0;
        while (i < free.length && (asked == null || j < asked.length)) {
            long start = free[i];
            long end = Math.min(free[i + 1], until);
            if (asked != null) {
                start = Math.max(start, asked[j]);
                end = Math.min(end, asked[j + 1]);
            }
            long t = onGrid(Math.max(start, from));
            if (t + needed <= end) {
                return t;
            }
            if (asked == null || free[i + 1] <= asked[j + 1]) {
                i += 2;
            } else {
                j += 2;
            }
        }
        return OfferingIndex.NONE;
    }

    /** The first quarter hour at or after {@code millis}. */
    public static long onGrid(long millis) {
        return Math.floorDiv(millis + GRID_MILLIS - 1, GRID_MILLIS) * GRID_MILLIS;
    }
}
