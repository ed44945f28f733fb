package com.instainstru.gateway.web.pages;

import com.instainstru.gateway.web.client.SearchViews.Match;
import com.instainstru.gateway.web.client.SearchViews.MatchedService;
import com.instainstru.gateway.web.client.SearchViews.Parsed;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The search page's words: what search-service understood (its {@code parsed} constraints) written back as
 * a query in the words it reads, so that a chip can be removed (the same query without that constraint)
 * and the filters can replace constraints. Nothing here decides what matches: every query goes to the
 * search API, which reads it again.
 */
public final class SearchQuery {

    /** The constraints a visitor can remove, in the order they are written. */
    public static final List<String> KEYS = List.of("service", "level", "ageGroup", "duration", "price", "online",
            "location", "date", "time");
    /** What the filters set (the rest of the query is kept as it is). */
    static final Set<String> FILTERED = Set.of("price", "online", "date", "time");

    private static final Pattern DAY = Pattern.compile("today|tomorrow|this weekend|next weekend|next week|this week|"
            + "monday|tuesday|wednesday|thursday|friday|saturday|sunday|\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIME = Pattern.compile("morning|afternoon|evening|"
            + "(?:(?:after|before) \\d{1,2}(?::\\d{2})?[ap]m ?){1,2}(?:morning|afternoon|evening)?");
    private static final DateTimeFormatter DATE_LABEL = DateTimeFormatter.ofPattern("EEE, MMM d", Locale.US);

    private SearchQuery() {
    }

    /** One understood constraint: its label and the query without it. */
    public record Chip(String key, String label, String without) {
    }

    /** The chips of an answer, one per understood constraint. */
    public static List<Chip> chips(Parsed parsed, Match match) {
        Map<String, String> phrases = phrases(parsed);
        List<Chip> chips = new ArrayList<>();
        for (Map.Entry<String, String> phrase : phrases.entrySet()) {
            String key = phrase.getKey();
            chips.add(new Chip(key, label(key, parsed, match), compose(parsed, Set.of(key))));
        }
        return chips;
    }

    /** The query of these constraints, less those of {@code without}. */
    public static String compose(Parsed parsed, Set<String> without) {
        List<String> words = new ArrayList<>();
        phrases(parsed).forEach((key, phrase) -> {
            if (!without.contains(key)) {
                words.add(phrase);
            }
        });
        return String.join(" ", words);
    }

    /** The phrase of the date filter for the current answer ("" when the query gave none). */
    public static String dayPhrase(Parsed parsed) {
        return phrases(parsed).getOrDefault("date", "");
    }

    /** The phrase of the time filter for the current answer. */
    public static String timePhrase(Parsed parsed) {
        return phrases(parsed).getOrDefault("time", "");
    }

    /**
     * The query of the filter form: the kept part of the current query with the filters' choices. Each
     * choice is checked: a hand-made URL with a price that is not a number is a bad request.
     */
    public static String withFilters(String kept, String minPrice, String maxPrice, String day, String time, String where) {
        List<String> words = new ArrayList<>();
        if (kept != null && !kept.isBlank()) {
            words.add(kept.strip());
        }
        BigDecimal min = price("minimum price", minPrice);
        BigDecimal max = price("maximum price", maxPrice);
        if (min != null && max != null) {
            words.add("between $" + plain(min.min(max)) + " and $" + plain(min.max(max)));
        } else if (max != null) {
            words.add("under $" + plain(max));
        } else if (min != null) {
            words.add("over $" + plain(min));
        }
        switch (blankToEmpty(where)) {
            case "" -> { }
            case "online" -> words.add("online");
            case "in_person" -> words.add("in person");
            default -> throw new IllegalArgumentException("where must be online or in_person");
        }
        words.add(checked("day", day, DAY));
        words.add(checked("time", time, TIME));
        return String.join(" ", words.stream().filter(w -> !w.isEmpty()).toList());
    }

    private static Map<String, String> phrases(Parsed p) {
        Map<String, String> phrases = new LinkedHashMap<>();
        if (p.serviceText() != null && !p.serviceText().isBlank()) {
            phrases.put("service", p.serviceText().strip());
        }
        if (p.level() != null) {
            phrases.put("level", p.level());
        }
        if (p.ageGroup() != null) {
            phrases.put("ageGroup", "high_school".equals(p.ageGroup()) ? "high school" : "for " + p.ageGroup());
        }
        if (p.durationMinutes() != null) {
            phrases.put("duration", p.durationMinutes() + " minutes");
        }
        if (p.minPrice() != null && p.maxPrice() != null) {
            phrases.put("price", "between $" + plain(p.minPrice()) + " and $" + plain(p.maxPrice()));
        } else if (p.maxPrice() != null) {
            phrases.put("price", "under $" + plain(p.maxPrice()));
        } else if (p.minPrice() != null) {
            phrases.put("price", "over $" + plain(p.minPrice()));
        }
        if (p.online() != null) {
            phrases.put("online", p.online() ? "online" : "in person");
        }
        if (p.location() != null) {
            phrases.put("location", p.location().nearMe() ? "near me" : "in " + p.location().text());
        }
        if (p.date() != null && p.date().keyword() != null) {
            phrases.put("date", dayPhrase(p.date().keyword(), p));
        }
        String time = timePhrase(p.timeAfter(), p.timeBefore(), p.timeOfDay());
        if (!time.isEmpty()) {
            phrases.put("time", time);
        }
        return phrases;
    }

    private static String dayPhrase(String keyword, Parsed p) {
        return switch (keyword) {
            case "weekend" -> "this weekend";
            case "next_weekend" -> "next weekend";
            case "next_week" -> "next week";
            case "this_week" -> "this week";
            case "today", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" -> keyword;
            default -> p.date().from().toString(); // an exact date
        };
    }

    private static String timePhrase(LocalTime after, LocalTime before, String timeOfDay) {
        List<String> words = new ArrayList<>();
        if (after != null) {
            words.add("after " + clock(after));
        }
        if (before != null) {
            words.add("before " + clock(before));
        }
        if (timeOfDay != null) {
            words.add(timeOfDay);
        }
        return String.join(" ", words);
    }

    private static String label(String key, Parsed p, Match match) {
        return switch (key) {
            case "service" -> serviceLabel(p, match);
            case "level" -> capitalised(p.level());
            case "ageGroup" -> "high_school".equals(p.ageGroup()) ? "High school" : capitalised(p.ageGroup());
            case "duration" -> p.durationMinutes() + " min";
            case "price" -> p.minPrice() != null && p.maxPrice() != null
                    ? "$" + plain(p.minPrice()) + "–$" + plain(p.maxPrice()) + " an hour"
                    : p.maxPrice() != null ? "Under $" + plain(p.maxPrice()) + " an hour"
                    : "Over $" + plain(p.minPrice()) + " an hour";
            case "online" -> p.online() ? "Online" : "In person";
            case "location" -> p.location().nearMe() ? "Near me" : titleCase(p.location().text());
            case "date" -> dateLabel(p);
            default -> timeLabel(p);
        };
    }

    private static String serviceLabel(Parsed p, Match match) {
        if (match != null && "service".equals(match.kind()) && match.services() != null && !match.services().isEmpty()) {
            MatchedService service = match.services().get(0);
            return service.name();
        }
        if (match != null && "category".equals(match.kind()) && match.category() != null) {
            return match.category().name();
        }
        return capitalised(p.serviceText().strip());
    }

    private static String dateLabel(Parsed p) {
        return switch (p.date().keyword()) {
            case "today" -> "Today";
            case "tomorrow" -> "Tomorrow";
            case "weekend" -> "This weekend";
            case "next_weekend" -> "Next weekend";
            case "next_week" -> "Next week";
            case "this_week" -> "This week";
            default -> p.date().from() == null ? capitalised(p.date().keyword()) : p.date().from().format(DATE_LABEL);
        };
    }

    private static String timeLabel(Parsed p) {
        List<String> parts = new ArrayList<>();
        if (p.timeAfter() != null) {
            parts.add("after " + clockLabel(p.timeAfter()));
        }
        if (p.timeBefore() != null) {
            parts.add("before " + clockLabel(p.timeBefore()));
        }
        if (parts.isEmpty()) {
            return capitalised(p.timeOfDay());
        }
        return capitalised(String.join(", ", parts));
    }

    /** 17:30 as the parser reads it: 5:30pm. */
    static String clock(LocalTime t) {
        int hour = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        String minutes = t.getMinute() == 0 ? "" : String.format(Locale.ROOT, ":%02d", t.getMinute());
        return hour + minutes + (t.getHour() < 12 ? "am" : "pm");
    }

    private static String clockLabel(LocalTime t) {
        return clock(t).replace("am", " am").replace("pm", " pm");
    }

    static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    private static BigDecimal price(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value.strip().replace("$", ""));
            if (amount.signum() <= 0 || amount.compareTo(BigDecimal.valueOf(10_000)) > 0 || amount.scale() > 2) {
                throw new IllegalArgumentException(field + " must be between $1 and $10,000");
            }
            return amount;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a number of dollars");
        }
    }

    private static String checked(String field, String value, Pattern allowed) {
        String v = blankToEmpty(value);
        if (!v.isEmpty() && !allowed.matcher(v).matches()) {
            throw new IllegalArgumentException("the " + field + " filter has a value the page does not offer");
        }
        return v;
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }

    private static String capitalised(String text) {
        return text == null || text.isEmpty() ? "" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String titleCase(String text) {
        StringBuilder out = new StringBuilder();
        for (String word : text.split(" ")) {
            out.append(out.isEmpty() ? "" : " ").append(capitalised(word));
        }
        return out.toString();
    }
}
