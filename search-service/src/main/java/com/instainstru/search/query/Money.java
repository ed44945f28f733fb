package com.instainstru.search.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prices in every common wording, as dollars per hour: bounds ("under $50", "tops 45", "70 or more",
 * "$70+"), ranges ("from 35 to 55", "35–55", "between $20 and $45"), "around $60", a bare "$60" (a
 * budget), and prices per lesson converted to the hourly rate they imply ("$40 per 45-minute lesson" is
 * $53.33 an hour, and asks for a 45-minute lesson). A number is a price only when the words make it one;
 * a vague word ("cheap", "reasonably priced") asks for low prices without inventing a cap.
 */
final class Money {

    private static final String B = "(?<![\\p{L}\\p{N}])";
    private static final String E = "(?![\\p{L}\\p{N}])";
    private static final String NUM = "(\\d[\\d,]*(?:\\.\\d+)?)";
    /** How long the lesson a price is for lasts, when it says: per 45-minute lesson, for half an hour. */
    private static final String PER_LESSON = "(?:\\s*(?:per|a|an|for|each|/)\\s+(?:a\\s+|an\\s+|one\\s+|1\\s+)?"
            + "(?:(\\d{2,3})[\\s-]*(?:minutes?|mins?|min)\\b|(half[\\s-]+(?:an?\\s+)?hour|30[\\s-]*min)|"
            + "(hour\\s+and\\s+a\\s+half|90[\\s-]*min)|(\\d(?:\\.5)?)[\\s-]*(?:hours?|hrs?)\\b)"
            + "(?:\\s*(?:lesson|session|class|slot))?)";
    private static final String PER_HOUR = "(?:\\s*(?:/\\s*h(?:ou)?r\\b|/\\s*hour|per\\s+hour|an\\s+hour|a\\s+hour|hourly|"
            + "per\\s+hr|/h\\b|p/h|ph\\b|a\\s+lesson|per\\s+lesson|a\\s+session|per\\s+session|a\\s+class|per\\s+class|each))";
    private static final String UNIT = "(?:\\s*(?:dollars?|bucks|usd|\\$))";
    /** An amount that is money by its own words; groups: amount, then the lesson length groups (4). */
    private static final String MONEY = "(?:\\$\\s*" + NUM + UNIT + "?|" + NUM + UNIT + "|" + NUM + "(?=" + PER_HOUR + "))"
            + "(?:" + PER_LESSON + "|" + PER_HOUR + ")?";
    /** A plain number where the words around it already say price ("under 80"): 15 and over. */
    private static final String PLAIN = "(\\d{2,5}(?:\\.\\d+)?)(?!\\s*(?:years?|yrs?|y/?o|months?|min|minutes?|hours?|hrs?|"
            + "people|students|kids|pm|am|days?|weeks?|st|nd|rd|th|%|:|-year|year)" + E + ")" + PER_HOUR + "?";
    private static final String UPPER = "nothing\\s+(?:over|above|more\\s+than)|not\\s+(?:over|above)|under|below|(?<!no\\s)(?<!not\\s)less\\s+than|cheaper\\s+than|no\\s+more\\s+than|not\\s+more\\s+than|"
            + "up\\s+to|max(?:imum)?(?:\\s+of)?|at\\s+most|within|budget(?:\\s+(?:of|is|around|about))?|tops|not\\s+over|"
            + "no\\s+higher\\s+than|can\\s+(?:pay|spend|afford)(?:\\s+up\\s+to)?|willing\\s+to\\s+pay(?:\\s+up\\s+to)?|"
            + "won'?t\\s+pay\\s+more\\s+than|don'?t\\s+want\\s+to\\s+pay\\s+more\\s+than|menos\\s+de|moins\\s+de|<=?";
    private static final String LOWER = "over|above|more\\s+than|at\\s+least|min(?:imum)?(?:\\s+of)?|starting\\s+(?:at|from)|"
            + "upwards\\s+of|no\\s+less\\s+than|not\\s+less\\s+than|mas\\s+de|plus\\s+de|>=?";
    private static final String UPPER_AFTER = "max(?:imum)?|tops|or\\s+less|or\\s+under|or\\s+below|and\\s+under|"
            + "and\\s+below|at\\s+most|or\\s+cheaper|at\\s+the\\s+most|is\\s+my\\s+(?:max|limit|budget)";
    private static final String LOWER_AFTER = "or\\s+more|and\\s+up|and\\s+above|and\\s+over|or\\s+higher|or\\s+above|"
            + "minimum|at\\s+least|\\+|plus|or\\s+over";

    private static final Pattern RANGE = Pattern.compile(B + "(?:(between|from)\\s+)?(?:\\$\\s*" + NUM + "|" + NUM + ")"
            + UNIT + "?\\s*(?:-|–|—|to|and)\\s*(?:\\$\\s*" + NUM + "|" + NUM + ")" + UNIT + "?" + "(" + PER_HOUR + ")?"
            + "(?!\\s*(?:years?|yrs?|y/?o|year[- ]olds?|minutes?|mins?|hours?|hrs?|am|pm|a\\.m|p\\.m|students|people|kids|"
            + "days?|weeks?|grade|:)" + E + ")");
    private static final Pattern MAX = Pattern.compile(B + "(?:" + UPPER + ")\\s*" + MONEY);
    private static final Pattern MIN = Pattern.compile(B + "(?:" + LOWER + ")\\s*" + MONEY);
    private static final Pattern MAX_AFTER = Pattern.compile(B + MONEY + "\\s*(?:" + UPPER_AFTER + ")(?![\\p{L}])");
    private static final Pattern MIN_AFTER = Pattern.compile(B + MONEY + "\\s*(?:" + LOWER_AFTER + ")(?![\\p{L}])");
    private static final Pattern PLAIN_MAX = Pattern.compile(B + "(?:" + UPPER + ")\\s+" + PLAIN + E);
    private static final Pattern PLAIN_MIN = Pattern.compile(B + "(?:" + LOWER + ")\\s+" + PLAIN + E);
    private static final Pattern PLAIN_MAX_AFTER = Pattern.compile(B + PLAIN + "\\s*(?:" + UPPER_AFTER + ")(?![\\p{L}])");
    private static final Pattern PLAIN_MIN_AFTER = Pattern.compile(B + PLAIN + "\\s*(?:" + LOWER_AFTER + ")(?![\\p{L}])");
    /** Words after which a plain number is an age or a count of people: "kids under 10", "adults over 50". */
    private static final Pattern PEOPLE_BEFORE = Pattern.compile("(?:kids|children|adults|seniors|teens|people|students|ages|"
            + "age|aged|grade|grades)\\s*$");
    private static final Pattern AROUND = Pattern.compile(B + "(?:around|about|approximately|roughly|near|~|circa|"
            + "something\\s+like)\\s*" + MONEY);
    private static final Pattern AROUND_PLAIN = Pattern.compile(B + "(?:around|about|approximately|roughly|"
            + "circa)\\s+" + PLAIN + E);
    private static final Pattern BARE = Pattern.compile(MONEY);
    private static final Pattern VAGUE = Pattern.compile(B + "(?:cheap(?:est|er)?|affordabl[ey]|inexpensive|budget(?:[- ]friendly)?|"
            + "low[- ](?:cost|price[d]?)|reasonabl[ey](?:\\s+priced)?|fairly\\s+priced|fair\\s+price|good\\s+price|"
            + "good\\s+value|not\\s+(?:too\\s+|that\\s+|very\\s+)?expensive|economical|bargain|on\\s+a\\s+budget|"
            + "won'?t\\s+break\\s+the\\s+bank|barat[oa]s?|economic[oa]s?|pas\\s+cher|abordables?|недорог[оиоя]*|дешев[оы]?|"
            + "дешёв[оы]?)" + E + "|便宜|实惠|저렴한|저렴하게|싼");

    private Money() {
    }

    /** Stems of the vague words, to skip their pattern when none is there. */
    private static final String[] VAGUE_STEMS = {"cheap", "afford", "inexpens", "budget", "low", "reasonabl", "fair",
            "good", "expensive", "econom", "bargain", "break the bank", "barat", "cher", "abordab", "недорог", "дешев",
            "дешёв", "便宜", "实惠", "저렴", "싼"};

    static void read(Text t, Builder b) {
        if (t.hasDigit()) {
            amounts(t, b);
        }
        if (t.mentions(VAGUE_STEMS)) {
            t.cutAll(VAGUE, m -> {
                if (b.maxPrice == null) {
                    b.budget = "low";
                }
            });
        }
    }

    private static void amounts(Text t, Builder b) {
        boolean range = t.cutIf(RANGE, m -> range(m, b));
        if (!range) {
            t.cutAll(MAX, m -> b.maxPrice = hourly(m, 1, b));
            t.cutAll(MIN, m -> b.minPrice = hourly(m, 1, b));
            t.cutAll(MAX_AFTER, m -> b.maxPrice = hourly(m, 1, b));
            t.cutAll(MIN_AFTER, m -> b.minPrice = hourly(m, 1, b));
            if (!t.cut(AROUND, m -> around(hourly(m, 1, b), b)) && b.minPrice == null && b.maxPrice == null) {
                t.cutIf(AROUND_PLAIN, m -> plain(m, t.value, v -> around(v, b)));
            }
            if (b.minPrice == null && b.maxPrice == null) {
                t.cut(BARE, m -> b.maxPrice = hourly(m, 1, b));
            }
            if (b.maxPrice == null) {
                t.cutIf(PLAIN_MAX, m -> plain(m, t.value, v -> b.maxPrice = v));
                t.cutIf(PLAIN_MAX_AFTER, m -> plain(m, t.value, v -> b.maxPrice = v));
            }
            if (b.minPrice == null) {
                t.cutIf(PLAIN_MIN, m -> plain(m, t.value, v -> b.minPrice = v));
                t.cutIf(PLAIN_MIN_AFTER, m -> plain(m, t.value, v -> b.minPrice = v));
            }
        }
    }

    /** "from 35 to 55", "$30-$50": a price range when money is said or the numbers can only be rates. */
    private static boolean range(Matcher m, Builder b) {
        String low = m.group(2) != null ? m.group(2) : m.group(3);
        String high = m.group(4) != null ? m.group(4) : m.group(5);
        boolean money = m.group(2) != null || m.group(4) != null || m.group(6) != null || m.group().contains("dollar")
                || m.group().contains("buck") || m.group().contains("usd");
        BigDecimal a = amount(low);
        BigDecimal c = amount(high);
        boolean rates = a.compareTo(BigDecimal.valueOf(15)) >= 0 && c.compareTo(BigDecimal.valueOf(15)) >= 0
                && a.compareTo(BigDecimal.valueOf(2000)) <= 0 && c.compareTo(BigDecimal.valueOf(2000)) <= 0;
        if (!money && !rates) {
            return false;
        }
        b.range(a, c);
        return true;
    }

    /** Around a price: 20% either side. */
    private static void around(BigDecimal centre, Builder b) {
        b.minPrice = centre.multiply(new BigDecimal("0.8")).setScale(0, RoundingMode.HALF_UP);
        b.maxPrice = centre.multiply(new BigDecimal("1.2")).setScale(0, RoundingMode.HALF_UP);
    }

    /** A plain number as a price: 15 or more, and not after words about people ("kids under 10"). */
    private static boolean plain(Matcher m, String text, java.util.function.Consumer<BigDecimal> set) {
        BigDecimal v = amount(m.group(1));
        if (v.compareTo(BigDecimal.valueOf(15)) < 0 || PEOPLE_BEFORE.matcher(text.substring(0, m.start())).find()) {
            return false;
        }
        set.accept(v);
        return true;
    }


    /**
     * The hourly rate a {@link #MONEY} match means (its amount group is the first of {@code first},
     * {@code first + 1}, {@code first + 2}); a price for a lesson of a stated length is converted, and that
     * length becomes the asked lesson length.
     */
    private static BigDecimal hourly(Matcher m, int first, Builder b) {
        BigDecimal amount = amount(firstOf(m, first, first + 1, first + 2));
        Integer minutes = null;
        if (m.group(first + 3) != null) {
            minutes = Integer.valueOf(m.group(first + 3));
        } else if (m.group(first + 4) != null) {
            minutes = 30;
        } else if (m.group(first + 5) != null) {
            minutes = 90;
        } else if (m.group(first + 6) != null) {
            minutes = (int) Math.round(Double.parseDouble(m.group(first + 6)) * 60);
        }
        if (minutes == null || minutes == 60 || minutes <= 0) {
            return amount;
        }
        if (b.durationMinutes == null) {
            b.durationMinutes = minutes;
        }
        return amount.multiply(BigDecimal.valueOf(60)).divide(BigDecimal.valueOf(minutes), 2, RoundingMode.HALF_UP)
                .stripTrailingZeros();
    }

    private static String firstOf(Matcher m, int... groups) {
        for (int g : groups) {
            if (g <= m.groupCount() && m.group(g) != null) {
                return m.group(g);
            }
        }
        throw new IllegalStateException("no amount in " + m.group());
    }

    private static BigDecimal amount(String digits) {
        return new BigDecimal(digits.replace(",", ""));
    }
}
