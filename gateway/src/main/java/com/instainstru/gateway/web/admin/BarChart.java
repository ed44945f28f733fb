package com.instainstru.gateway.web.admin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A bar chart of one figure per day, drawn on the server as SVG coordinates (no script, no chart library); the page
 * puts a table of the same numbers beside it, so the chart is readable as text too.
 */
public record BarChart(String title, int width, int height, long max, List<Bar> bars, List<Tick> ticks) {

    static final int WIDTH = 720;
    static final int HEIGHT = 200;
    static final int LEFT = 40;
    static final int BOTTOM = 20;

    public record Bar(double x, double y, double width, double height, LocalDate date, long value, boolean alt) {
    }

    public record Tick(double x, String label) {
    }

    /** One bar per item; {@code alt} marks a second series drawn over the first (e.g. searches that found nothing). */
    public static <T> BarChart of(String title, List<T> items, java.util.function.Function<T, LocalDate> date,
            ToLongFunction<T> value, ToLongFunction<T> overlay) {
        long max = 1;
        for (T item : items) {
            max = Math.max(max, value.applyAsLong(item));
        }
        double slot = items.isEmpty() ? 0 : (double) (WIDTH - LEFT) / items.size();
        double plot = HEIGHT - BOTTOM - 10;
        List<Bar> bars = new ArrayList<>();
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            long v = value.applyAsLong(item);
            double x = LEFT + i * slot;
            double h = plot * v / max;
            bars.add(new Bar(round(x + slot * 0.1), round(HEIGHT - BOTTOM - h), round(slot * 0.8), round(h),
                    date.apply(item), v, false));
            if (overlay != null) {
                long o = overlay.applyAsLong(item);
                double oh = plot * o / max;
                bars.add(new Bar(round(x + slot * 0.1), round(HEIGHT - BOTTOM - oh), round(slot * 0.8), round(oh),
                        date.apply(item), o, true));
            }
            if (date.apply(item).getDayOfMonth() == 1 || i == 0) {
                ticks.add(new Tick(round(x), date.apply(item).getMonth().getDisplayName(java.time.format.TextStyle.SHORT,
                        java.util.Locale.US) + " " + date.apply(item).getDayOfMonth()));
            }
        }
        return new BarChart(title, WIDTH, HEIGHT, max, bars, ticks);
    }

    public int baseline() {
        return HEIGHT - BOTTOM;
    }

    public int left() {
        return LEFT;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
