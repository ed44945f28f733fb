package com.instainstru.gateway.web.pages;

import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** How the pages write values: {@code {rate.dollars}}, {@code {start.clock}}, {@code {path.url}} ... */
@TemplateExtension
public final class Formats {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("h:mm a", Locale.US);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE, MMM d", Locale.US);
    private static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.US);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("MMM d", Locale.US);
    /** Zone names as written ("New York time (Eastern Time)"): java.time looks a display name up anew each time. */
    private static final Map<String, String> ZONE_NAMES = new ConcurrentHashMap<>();

    private Formats() {
    }

    /** For a link's query string. */
    static String url(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** $45, $45.50. */
    static String dollars(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        BigDecimal cents = amount.setScale(2, RoundingMode.HALF_UP);
        return "$" + (cents.stripTrailingZeros().scale() <= 0 ? cents.setScale(0, RoundingMode.UNNECESSARY).toPlainString()
                : cents.toPlainString());
    }

    static String clock(OffsetDateTime t) {
        return t == null ? "" : t.format(CLOCK);
    }

    static String day(OffsetDateTime t) {
        return t == null ? "" : t.format(DAY);
    }

    static String longDay(OffsetDateTime t) {
        return t == null ? "" : t.format(LONG_DAY);
    }

    static String when(OffsetDateTime t) {
        return t == null ? "" : t.format(DAY) + " at " + t.format(CLOCK);
    }

    /** The instant as ISO-8601 with its offset, for links and forms. */
    static String iso(OffsetDateTime t) {
        return t == null ? "" : t.toString();
    }

    static String weekday(LocalDate date) {
        return date.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US);
    }

    static String shortDate(LocalDate date) {
        return date.format(SHORT_DATE);
    }

    static String longDate(LocalDate date) {
        return date.format(LONG_DAY);
    }

    /** America/New_York as people say it: New York time. */
    static String zoneName(String zone) {
        if (zone == null) {
            return "";
        }
        return ZONE_NAMES.computeIfAbsent(zone, z -> z.substring(z.lastIndexOf('/') + 1).replace('_', ' ') + " time ("
                + ZoneId.of(z).getDisplayName(TextStyle.FULL, Locale.US) + ")");
    }

    /** 30, 45 or 60 minutes. */
    static String lengths(List<Integer> minutes) {
        if (minutes == null || minutes.isEmpty()) {
            return "";
        }
        List<String> each = minutes.stream().map(String::valueOf).toList();
        String joined = each.size() == 1 ? each.get(0)
                : String.join(", ", each.subList(0, each.size() - 1)) + " or " + each.get(each.size() - 1);
        return joined + " minutes";
    }

    static String place(String locationType) {
        return switch (locationType == null ? "" : locationType) {
            case "online" -> "Online";
            case "studio" -> "At the instructor's studio";
            case "student_home" -> "At your home";
            default -> locationType;
        };
    }

    static String places(List<String> locationTypes) {
        return locationTypes == null ? "" : locationTypes.stream().map(Formats::place).collect(Collectors.joining(" · "));
    }

    static String commas(List<String> items) {
        return items == null ? "" : String.join(", ", items);
    }

    static String capitalised(String text) {
        return text == null || text.isEmpty() ? "" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
