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
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** How the pages write values: {@code {rate.money(currency)}}, {@code {start.clock}}, {@code {path.url}} ... */
@TemplateExtension
public final class Formats {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("h:mm a", Locale.US);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE, MMM d", Locale.US);
    private static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.US);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("MMM d", Locale.US);
    /** Zone names as written ("New York time (Eastern Time)"): java.time looks a display name up anew each time. */
    private static final Map<String, String> ZONE_NAMES = new ConcurrentHashMap<>();
    /** Currencies as written, by ISO 4217 code (looked up once: symbols come from the locale data). */
    private static final Map<String, Money> CURRENCIES = new ConcurrentHashMap<>();

    private Formats() {
    }

    /** For a link's query string. */
    static String url(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * An amount in the currency the service said beside it ({@code {rate.money(offering.currency)}}), an ISO 4217
     * code: its symbol as written in the US ($45, $45.50, €45, £12.50, CA$45, ¥4500), else the code (CHF 45, XYZ 45);
     * a whole amount without its cents, else with as many decimals as the currency has. A currency that is missing
     * or not three letters does not stop the page: the amount is written without a symbol (45.50). No grouping
     * comma, as before ($1200).
     */
    static String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        String code = currency == null ? "" : currency.strip().toUpperCase(Locale.ROOT);
        Money in = isoCode(code) ? CURRENCIES.computeIfAbsent(code, Money::of) : Money.UNKNOWN;
        BigDecimal rounded = amount.setScale(in.digits(), RoundingMode.HALF_UP);
        String number = rounded.stripTrailingZeros().scale() <= 0 ? rounded.setScale(0, RoundingMode.UNNECESSARY)
                .toPlainString() : rounded.toPlainString();
        return in.prefix() + number;
    }

    /** Three letters A-Z (checked without a regular expression: every price on a page passes here). */
    private static boolean isoCode(String code) {
        return code.length() == 3 && code.chars().allMatch(c -> c >= 'A' && c <= 'Z');
    }

    /** How a currency is written: what comes before the number, and how many decimals it has. */
    private record Money(String prefix, int digits) {

        static final Money UNKNOWN = new Money("", 2);

        static Money of(String code) {
            try {
                Currency currency = Currency.getInstance(code);
                String symbol = currency.getSymbol(Locale.US);
                int digits = Math.max(currency.getDefaultFractionDigits(), 0);
                return new Money(symbol.equals(code) ? code + " " : symbol, digits);
            } catch (IllegalArgumentException notKnown) {
                return new Money(code + " ", 2);
            }
        }
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
