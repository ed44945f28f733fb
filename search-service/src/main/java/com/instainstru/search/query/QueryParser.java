package com.instainstru.search.query;

import com.instainstru.search.query.ParsedQuery.DateRange;
import com.instainstru.search.query.ParsedQuery.Location;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads constraints out of a query such as {@code piano lessons under $50 tomorrow evening}: price,
 * date (resolved from {@code today}, the student's date in New York), time of day and clock times,
 * lesson length, level and audience, NYC location, online or in person. Each constraint found is cut
 * out of the text; what remains, without filler words, is the service text. A number is a price only
 * when the words say so ({@code $}, dollars, per hour, under/over ... $): {@code ages 5-12} is an age.
 * Pure and thread-safe.
 */
public final class QueryParser {

    /** What "cheap" and its kin mean when no price is given, in dollars per hour. */
    static final BigDecimal CHEAP = BigDecimal.valueOf(50);

    private static final String NUM = "(\\d[\\d,]*(?:\\.\\d+)?)";
    private static final String PER_HOUR = "(?:\\s*(?:/\\s*h(?:ou)?r|per\\s+hour|an\\s+hour|a\\s+hour|hourly|/\\s*hour))?";
    /** An amount that is money by its own words: $50, 50 dollars, 50 bucks, 50/hr, 50 per hour. */
    private static final String MONEY = "(?:\\$\\s*" + NUM + PER_HOUR + "|" + NUM
            + "\\s*(?:dollars?|bucks|usd)" + PER_HOUR + "|" + NUM + "\\s*(?:/\\s*h(?:ou)?r|per\\s+hour|an\\s+hour|hourly))";

    private static final Pattern PRICE_BETWEEN = Pattern.compile("\\b(?:between|from)\\s+\\$?\\s*" + NUM
            + "\\s*(?:dollars?)?\\s*(?:and|to|-|–)\\s*" + MONEY);
    private static final Pattern PRICE_RANGE = Pattern.compile("\\$\\s*" + NUM + "\\s*(?:-|–|to)\\s*\\$?\\s*" + NUM
            + "(?:\\s*(?:dollars?|bucks))?" + PER_HOUR);
    private static final Pattern PRICE_MAX = Pattern.compile("(?:\\b(?:under|below|less\\s+than|cheaper\\s+than|"
            + "no\\s+more\\s+than|not\\s+more\\s+than|up\\s+to|max(?:imum)?(?:\\s+of)?|at\\s+most|within|budget\\s+(?:of|is))"
            + "|<=?)\\s*" + MONEY);
    private static final Pattern PRICE_MIN = Pattern.compile("(?:\\b(?:over|above|more\\s+than|at\\s+least|min(?:imum)?"
            + "(?:\\s+of)?|starting\\s+at|from)|>=?)\\s*" + MONEY);
    private static final Pattern PRICE_AROUND = Pattern.compile("(?:\\b(?:around|about|approximately|roughly|near)|~)\\s*"
            + MONEY);
    private static final Pattern PRICE_BARE = Pattern.compile(MONEY);
    /**
     * "under 80" with no currency: a price when the number could be an hourly rate (20 or more) and the
     * words before it are not about people ("kids under 10", "adults over 50" are ages).
     */
    private static final Pattern PRICE_PLAIN = Pattern.compile("(?<!kids|children|adults|seniors|teens|people|students|"
            + "ages|age|aged)(?<!kids |children |adults |seniors |teens |people |students |ages |age |aged )"
            + "\\b(under|below|less\\s+than|cheaper\\s+than|up\\s+to|max(?:imum)?|at\\s+most|over|above|more\\s+than|"
            + "at\\s+least)\\s+(\\d{2,5})\\b(?!\\s*(?:years?|yrs?|y/?o|months?|min|minutes?|hours?|hrs?|people|students|kids|pm|am)\\b)");
    private static final Pattern CHEAP_WORDS = Pattern.compile("\\b(?:cheap(?:est)?|affordable|inexpensive|budget|"
            + "low[- ]cost)\\b");

    private static final Pattern IN_PERSON = Pattern.compile("\\b(?:in[- ]person|face[- ]to[- ]face|in\\s+real\\s+life|"
            + "irl|offline|at\\s+(?:my|our|your|the\\s+student'?s?)\\s+(?:home|place|house|apartment)|at\\s+home|"
            + "home\\s+visits?|at\\s+(?:a|the|your)\\s+studio)\\b");
    private static final Pattern ONLINE = Pattern.compile("\\b(?:online|virtual(?:ly)?|remote(?:ly)?|zoom|skype|"
            + "facetime|video\\s+(?:call|chat|lessons?)|over\\s+video|webcam|via\\s+video)\\b");
    private static final Pattern NEAR_ME = Pattern.compile("\\b(?:near\\s+me|nearby|close\\s+to\\s+me|around\\s+me|"
            + "near\\s+my\\s+(?:home|place|house|apartment)|in\\s+my\\s+(?:area|neighbou?rhood))\\b");

    private static final Pattern MINUTES = Pattern.compile("\\b(\\d{1,3})\\s*-?\\s*(?:minutes?|mins?)\\b(?:\\s+long)?");
    private static final Pattern HOURS = Pattern.compile("\\b(\\d{1,2}(?:\\.\\d+)?)\\s*-?\\s*(?:hours?|hrs?)\\b(?:\\s+long)?");
    private static final Pattern HOUR_AND_HALF = Pattern.compile("\\b(?:an?|one)\\s+hour\\s+and\\s+a\\s+half\\b");
    private static final Pattern HALF_HOUR = Pattern.compile("\\bhalf\\s+(?:an\\s+)?hour\\b");
    private static final Pattern ONE_HOUR = Pattern.compile("\\b(?:an?|one)\\s+hour(?:\\s+long)?\\b|\\bhour[- ]long\\b");

    private static final String CLOCK = "(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?";
    private static final Pattern TIME_BETWEEN = Pattern.compile("\\bbetween\\s+" + CLOCK + "\\s+(?:and|-|to)\\s+" + CLOCK);
    private static final Pattern TIME_AFTER = Pattern.compile("\\b(?:after|from|later\\s+than|past)\\s+" + CLOCK
            + "(?![\\d/])");
    private static final Pattern TIME_BEFORE = Pattern.compile("\\b(?:before|until|till|by|earlier\\s+than)\\s+" + CLOCK
            + "(?![\\d/])");
    private static final Pattern TIME_AT = Pattern.compile("\\bat\\s+(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.|o'?clock)?"
            + "(?![\\d$%])(?!\\s*(?:years?|dollars?|bucks|minutes?|hours?)\\b)");
    private static final Pattern TIME_BARE = Pattern.compile("\\b(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)");
    private static final Pattern TONIGHT = Pattern.compile("\\btonight\\b");
    /** "this morning", "this afternoon", "this evening": today, at that time of day (the time is read later). */
    private static final Pattern THIS_PART_OF_DAY = Pattern.compile("\\bthis\\s+(?=(?:morning|afternoon|evening)\\b)");
    private static final Pattern MORNING = Pattern.compile("\\b(?:this\\s+|in\\s+the\\s+)?mornings?\\b");
    private static final Pattern AFTERNOON = Pattern.compile("\\b(?:this\\s+|in\\s+the\\s+)?(?:afternoons?|after\\s+school)\\b");
    private static final Pattern EVENING = Pattern.compile("\\b(?:this\\s+|in\\s+the\\s+)?(?:evenings?|nights?|after\\s+work)\\b");

    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern SLASH_DATE = Pattern.compile("\\b(?:on\\s+)?(\\d{1,2})/(\\d{1,2})(?:/(\\d{2,4}))?\\b");
    private static final String MONTHS = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
            + "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private static final Pattern MONTH_DAY = Pattern.compile("\\b(?:on\\s+)?" + MONTHS + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b");
    private static final Pattern DAY_MONTH = Pattern.compile("\\b(?:on\\s+)?(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?"
            + MONTHS + "\\b");
    private static final Pattern DAY_AFTER_TOMORROW = Pattern.compile("\\bday\\s+after\\s+tomorrow\\b");
    private static final Pattern TODAY = Pattern.compile("\\b(?:today|this\\s+day|now|asap|right\\s+away)\\b");
    private static final Pattern TOMORROW = Pattern.compile("\\b(?:tomorrow|tmrw|tmr|tomorow|tommorow|tommorrow)\\b");
    private static final Pattern NEXT_WEEKEND = Pattern.compile("\\bnext\\s+weekend\\b");
    private static final Pattern WEEKEND = Pattern.compile("\\b(?:this\\s+|on\\s+the\\s+|over\\s+the\\s+|the\\s+)?weekends?\\b");
    private static final Pattern NEXT_WEEK = Pattern.compile("\\bnext\\s+week\\b");
    private static final Pattern THIS_WEEK = Pattern.compile("\\b(?:this|later\\s+this)\\s+week\\b");
    /** Full day names anywhere; abbreviations only after on/this/next ("SAT prep" is not Saturday). */
    private static final Pattern WEEKDAY = Pattern.compile("\\b(?:(this|next|on|coming)\\s+)?(monday|tuesday|wednesday|"
            + "thursday|friday|saturday|sunday)s?\\b|\\b(this|next|on|coming)\\s+(mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\\b");

    private static final Pattern AGES = Pattern.compile("\\b(?:for\\s+)?(?:ages?|aged)\\s+(\\d{1,2})\\s*(?:-|–|to|and)\\s*(\\d{1,2})"
            + "(?:\\s*(?:years?|yrs?)(?:\\s+old)?)?\\b|\\b(?:for\\s+)?(?:an?\\s+)?(\\d{1,2})\\s*(?:-|–|to)\\s*(\\d{1,2})\\s*"
            + "(?:years?|yrs?|y/?o)(?:[- ]olds?)?\\b|\\b(?:for\\s+)?(?:an?\\s+|my\\s+)?(\\d{1,2})\\s*(?:years?|yrs?)[- ]?olds?\\b|"
            + "\\b(?:for\\s+)?(?:a\\s+|my\\s+)?(\\d{1,2})\\s*y/?o\\b|\\b(?:for\\s+)?ages?\\s+(\\d{1,2})\\b");
    /** "5th grader", "grade 10": up to 6th grade is kids, 7th to 12th teens. */
    private static final Pattern GRADE = Pattern.compile("\\b(?:for\\s+)?(?:an?\\s+|my\\s+)?(\\d{1,2})(?:st|nd|rd|th)[- ]grader?s?\\b|"
            + "\\b(?:for\\s+)?(?:in\\s+)?grade\\s+(\\d{1,2})\\b");
    private static final Pattern HIGH_SCHOOL = Pattern.compile("\\b(?:for\\s+)?high[- ]school(?:ers?)?(?:\\s+(?:students?|"
            + "juniors?|seniors?|freshm[ae]n|sophomores?|kids|teens))?\\b|\\b(?:for\\s+)?(?:hs|high\\s+school)\\s+students?\\b");
    private static final Pattern KIDS = Pattern.compile("\\b(?:for\\s+)?(?:my\\s+|our\\s+|the\\s+)?(?:kids?|children|child|"
            + "toddlers?|little\\s+ones|sons?|daughters?|boys?|girls?|preschool(?:ers)?|youth|young\\s+learners)\\b");
    private static final Pattern TEENS = Pattern.compile("\\b(?:for\\s+)?(?:my\\s+)?(?:teens?|teenagers?|adolescents?)\\b");
    private static final Pattern ADULTS = Pattern.compile("\\b(?:for\\s+)?(?:adults?|grown[- ]?ups?|seniors|retirees|"
            + "older\\s+adults)\\b");
    private static final Pattern BEGINNER = Pattern.compile("\\b(?:for\\s+)?(?:an?\\s+|absolute\\s+|complete\\s+|total\\s+)?"
            + "(?:beginners?|beginning|novices?|newbies?|first[- ]timers?|starters?|intro(?:ductory)?|basics?|"
            + "from\\s+scratch)(?:\\s+level)?\\b");
    private static final Pattern INTERMEDIATE = Pattern.compile("\\b(?:for\\s+)?intermediates?(?:\\s+level)?\\b");
    private static final Pattern ADVANCED = Pattern.compile("\\b(?:for\\s+)?(?:advanced|experts?|experienced|"
            + "professional[- ]level|pro[- ]level)(?:\\s+level)?\\b");

    private static final Set<String> FILLER = Set.of("i", "im", "i'm", "id", "i'd", "want", "wanna", "would", "like",
            "to", "learn", "learning", "looking", "look", "for", "find", "finding", "need", "needs", "get", "a", "an",
            "the", "some", "me", "my", "our", "in", "at", "on", "near", "around", "with", "who", "that", "can", "could",
            "teach", "teaches", "teaching", "lesson", "lessons", "class", "classes", "session", "sessions", "course",
            "courses", "tutorial", "tutorials", "teacher", "teachers", "instructor", "instructors", "tutor", "tutors",
            "private", "please", "help", "how", "of", "best", "good", "great", "available", "book", "booking",
            "any", "someone", "somebody", "show", "search", "is", "are", "there", "what", "where", "when", "do", "you",
            "have", "offer", "offers", "take", "taking", "start", "starting", "be", "by", "from", "this", "next",
            "coach", "coaches", "player", "players", "student", "students", "grader", "graders");

    private final List<Map.Entry<NycAreas.Area, Pattern>> areaPatterns;

    public QueryParser(NycAreas areas) {
        List<Map.Entry<NycAreas.Area, Pattern>> patterns = new ArrayList<>();
        for (NycAreas.Area area : areas.longestFirst()) {
            patterns.add(Map.entry(area, Pattern.compile("\\b(?:(?:in|near|around|at|from)\\s+)?(?:the\\s+)?"
                    + Pattern.quote(area.name()).replace(" ", "\\E\\s+\\Q") + "\\b")));
        }
        this.areaPatterns = List.copyOf(patterns);
    }

    /** Parses {@code query}; {@code today} is the student's date in America/New_York. */
    public ParsedQuery parse(String query, LocalDate today) {
        Text t = new Text(normalize(query));
        Builder b = new Builder();
        onlineOrInPerson(t, b);
        location(t, b);
        price(t, b);
        duration(t, b);
        audience(t, b);
        level(t, b);
        date(t, b, today);
        timeOfDay(t, b);
        return b.build(serviceText(t.value));
    }

    // ---- the constraints, in an order where earlier ones cannot eat later ones' words ----

    private static void onlineOrInPerson(Text t, Builder b) {
        if (t.cut(IN_PERSON, m -> b.online = false)) {
            t.cut(ONLINE, m -> { });
            return;
        }
        t.cut(ONLINE, m -> b.online = true);
    }

    private void location(Text t, Builder b) {
        if (t.cut(NEAR_ME, m -> b.location = new Location("near_me", null, true))) {
            return;
        }
        for (Map.Entry<NycAreas.Area, Pattern> area : areaPatterns) {
            if (t.value.contains(area.getKey().name().substring(0, Math.min(3, area.getKey().name().length())))
                    && t.cut(area.getValue(), m -> b.location = new Location(area.getKey().name(),
                            area.getKey().borough(), false))) {
                return;
            }
        }
    }

    private static void price(Text t, Builder b) {
        if (t.cut(PRICE_BETWEEN, m -> b.range(money(m.group(1)), moneyFrom(m, 2)))
                || t.cut(PRICE_RANGE, m -> b.range(money(m.group(1)), money(m.group(2))))) {
            return;
        }
        t.cutAll(PRICE_MAX, m -> b.maxPrice = moneyFrom(m, 1));
        t.cutAll(PRICE_MIN, m -> b.minPrice = moneyFrom(m, 1));
        t.cut(PRICE_AROUND, m -> {
            BigDecimal centre = moneyFrom(m, 1);
            b.minPrice = centre.multiply(new BigDecimal("0.8")).setScale(0, RoundingMode.HALF_UP);
            b.maxPrice = centre.multiply(new BigDecimal("1.2")).setScale(0, RoundingMode.HALF_UP);
        });
        if (b.minPrice == null && b.maxPrice == null) {
            t.cut(PRICE_BARE, m -> b.maxPrice = moneyFrom(m, 1));
        }
        if (b.minPrice == null && b.maxPrice == null) {
            Matcher plain = PRICE_PLAIN.matcher(t.value);
            while (plain.find()) {
                if (Integer.parseInt(plain.group(2)) >= 20) {
                    boolean upper = plain.group(1).matches("under|below|less\\s+than|cheaper\\s+than|up\\s+to|max(?:imum)?|at\\s+most");
                    BigDecimal amount = new BigDecimal(plain.group(2));
                    t.cut(Pattern.compile(Pattern.quote(plain.group())), m -> {
                        if (upper) {
                            b.maxPrice = amount;
                        } else {
                            b.minPrice = amount;
                        }
                    });
                    break;
                }
            }
        }
        t.cut(CHEAP_WORDS, m -> {
            if (b.maxPrice == null) {
                b.maxPrice = CHEAP;
            }
        });
    }

    private static void duration(Text t, Builder b) {
        if (t.cut(HOUR_AND_HALF, m -> b.durationMinutes = 90) || t.cut(HALF_HOUR, m -> b.durationMinutes = 30)) {
            return;
        }
        if (t.cut(MINUTES, m -> b.durationMinutes = Integer.parseInt(m.group(1)))) {
            return;
        }
        if (t.cut(HOURS, m -> b.durationMinutes = (int) Math.round(Double.parseDouble(m.group(1)) * 60))) {
            return;
        }
        t.cut(ONE_HOUR, m -> b.durationMinutes = 60);
    }

    private static void audience(Text t, Builder b) {
        if (t.cut(AGES, m -> b.ageGroup = ageGroup(Integer.parseInt(firstOf(m, 2, 4, 5, 6, 7))))) {
            t.cut(KIDS, m -> { });
            return;
        }
        if (t.cut(GRADE, m -> b.ageGroup = Integer.parseInt(firstOf(m, 1, 2)) <= 6 ? "kids" : "teens")
                || t.cut(HIGH_SCHOOL, m -> b.ageGroup = "high_school")
                || t.cut(TEENS, m -> b.ageGroup = "teens")
                || t.cut(KIDS, m -> b.ageGroup = "kids")) {
            return;
        }
        t.cut(ADULTS, m -> b.ageGroup = "adults");
    }

    private static void level(Text t, Builder b) {
        if (!t.cut(BEGINNER, m -> b.level = "beginner") && !t.cut(INTERMEDIATE, m -> b.level = "intermediate")) {
            t.cut(ADVANCED, m -> b.level = "advanced");
        }
    }

    private static void date(Text t, Builder b, LocalDate today) {
        if (t.cut(TONIGHT, m -> {
            b.date = new DateRange("today", today, today);
            b.timeOfDay = "evening";
        })) {
            return;
        }
        if (t.cut(THIS_PART_OF_DAY, m -> b.date = new DateRange("today", today, today))) {
            return;
        }
        boolean found = t.cut(ISO_DATE, m -> b.exact(safeDate(m.group(1), m.group(2), m.group(3)), today))
                || t.cut(MONTH_DAY, m -> b.exact(monthDay(m.group(1), m.group(2), today), today))
                || t.cut(DAY_MONTH, m -> b.exact(monthDay(m.group(2), m.group(1), today), today))
                || t.cut(DAY_AFTER_TOMORROW, m -> b.date = new DateRange("date", today.plusDays(2), today.plusDays(2)))
                || t.cut(TOMORROW, m -> b.date = new DateRange("tomorrow", today.plusDays(1), today.plusDays(1)))
                || t.cut(TODAY, m -> b.date = new DateRange("today", today, today))
                || t.cut(NEXT_WEEKEND, m -> b.date = weekend(today, true))
                || t.cut(WEEKEND, m -> b.date = weekend(today, false))
                || t.cut(NEXT_WEEK, m -> {
                    LocalDate monday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
                    b.date = new DateRange("next_week", monday, monday.plusDays(6));
                })
                || t.cut(THIS_WEEK, m -> b.date = new DateRange("this_week", today,
                        today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY))))
                || t.cut(WEEKDAY, m -> b.date = m.group(2) != null ? weekday(m.group(1), m.group(2), today)
                        : weekday(m.group(3), m.group(4), today));
        if (!found) {
            t.cut(SLASH_DATE, m -> b.exact(slashDate(m.group(1), m.group(2), m.group(3), today), today));
        }
    }

    private static void timeOfDay(Text t, Builder b) {
        t.cut(TIME_BETWEEN, m -> {
            b.timeAfter = clock(m.group(1), m.group(2), m.group(3) != null ? m.group(3) : m.group(6));
            b.timeBefore = clock(m.group(4), m.group(5), m.group(6));
        });
        t.cut(TIME_AFTER, m -> b.timeAfter = clock(m.group(1), m.group(2), m.group(3)));
        t.cut(TIME_BEFORE, m -> b.timeBefore = clock(m.group(1), m.group(2), m.group(3)));
        if (b.timeAfter == null && b.timeBefore == null) {
            t.cut(TIME_AT, m -> b.timeAfter = clock(m.group(1), m.group(2), m.group(3)));
            t.cut(TIME_BARE, m -> b.timeAfter = clock(m.group(1), m.group(2), m.group(3)));
        }
        boolean named = t.cut(MORNING, m -> b.timeOfDay = "morning")
                | t.cut(AFTERNOON, m -> b.timeOfDay = "afternoon")
                | t.cut(EVENING, m -> b.timeOfDay = "evening");
        if (!named && b.timeOfDay == null) {
            if (b.timeAfter != null) {
                b.timeOfDay = b.timeAfter.getHour() >= 17 ? "evening" : b.timeAfter.getHour() >= 12 ? "afternoon" : "morning";
            } else if (b.timeBefore != null) {
                b.timeOfDay = b.timeBefore.getHour() <= 12 ? "morning" : null;
            }
        }
    }

    // ---- helpers ----

    private static String serviceText(String rest) {
        StringBuilder out = new StringBuilder();
        for (String word : rest.replaceAll("[^\\p{L}\\p{N}'&+#]+", " ").strip().split("\\s+")) {
            if (!word.isEmpty() && !FILLER.contains(word)) {
                out.append(out.isEmpty() ? "" : " ").append(word);
            }
        }
        String text = out.toString().replaceAll("^(?:and|or|&)\\s+|\\s+(?:and|or|&)$", "").strip();
        return text.equals("and") || text.equals("or") ? "" : text;
    }

    static String normalize(String query) {
        String s = Normalizer.normalize(query == null ? "" : query, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace('’', '\'').replace('‘', '\'').replaceAll("\\p{Cntrl}", " ");
        return " " + s.replaceAll("\\s+", " ").strip() + " ";
    }

    private static String firstOf(Matcher m, int... groups) {
        for (int g : groups) {
            if (g <= m.groupCount() && m.group(g) != null) {
                return m.group(g);
            }
        }
        return null;
    }

    /** The amount of a {@link #MONEY} match whose three alternative groups start at {@code first}. */
    private static BigDecimal moneyFrom(Matcher m, int first) {
        return money(firstOf(m, first, first + 1, first + 2));
    }

    private static BigDecimal money(String digits) {
        return new BigDecimal(digits.replace(",", ""));
    }

    private static String ageGroup(int upperAge) {
        return upperAge <= 12 ? "kids" : upperAge <= 17 ? "teens" : "adults";
    }

    private static LocalTime clock(String hour, String minute, String meridiem) {
        if (meridiem != null && meridiem.startsWith("o")) {
            meridiem = null;
        }
        int h = Integer.parseInt(hour);
        int min = minute == null ? 0 : Integer.parseInt(minute);
        if (h > 23 || min > 59) {
            return null;
        }
        if (meridiem != null && meridiem.startsWith("p") && h < 12) {
            h += 12;
        } else if (meridiem != null && meridiem.startsWith("a") && h == 12) {
            h = 0;
        } else if (meridiem == null && h >= 1 && h <= 7) {
            h += 12; // "after 5" means the afternoon: nobody books a lesson at 5 am by saying "after 5"
        }
        return LocalTime.of(h, min);
    }

    private static DateRange weekend(LocalDate today, boolean next) {
        LocalDate saturday = today.getDayOfWeek() == DayOfWeek.SUNDAY ? today.minusDays(1)
                : today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        if (next) {
            saturday = saturday.plusWeeks(1);
            return new DateRange("next_weekend", saturday, saturday.plusDays(1));
        }
        return new DateRange("weekend", saturday.isBefore(today) ? today : saturday, saturday.plusDays(1));
    }

    private static DateRange weekday(String qualifier, String name, LocalDate today) {
        DayOfWeek day = switch (name.substring(0, 3)) {
            case "mon" -> DayOfWeek.MONDAY;
            case "tue" -> DayOfWeek.TUESDAY;
            case "wed" -> DayOfWeek.WEDNESDAY;
            case "thu" -> DayOfWeek.THURSDAY;
            case "fri" -> DayOfWeek.FRIDAY;
            case "sat" -> DayOfWeek.SATURDAY;
            default -> DayOfWeek.SUNDAY;
        };
        // "next friday" is the coming one, never today; "friday" on a Friday is today.
        LocalDate date = "next".equals(qualifier) ? today.with(TemporalAdjusters.next(day))
                : today.with(TemporalAdjusters.nextOrSame(day));
        return new DateRange(day.name().toLowerCase(Locale.ROOT), date, date);
    }

    private static LocalDate safeDate(String year, String month, String day) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static LocalDate monthDay(String month, String day, LocalDate today) {
        Month m = switch (month.substring(0, 3)) {
            case "jan" -> Month.JANUARY;
            case "feb" -> Month.FEBRUARY;
            case "mar" -> Month.MARCH;
            case "apr" -> Month.APRIL;
            case "may" -> Month.MAY;
            case "jun" -> Month.JUNE;
            case "jul" -> Month.JULY;
            case "aug" -> Month.AUGUST;
            case "sep" -> Month.SEPTEMBER;
            case "oct" -> Month.OCTOBER;
            case "nov" -> Month.NOVEMBER;
            default -> Month.DECEMBER;
        };
        LocalDate date = safeDate(Integer.toString(today.getYear()), Integer.toString(m.getValue()), day);
        return date != null && date.isBefore(today) ? date.plusYears(1) : date;
    }

    private static LocalDate slashDate(String month, String day, String year, LocalDate today) {
        String y = year == null ? Integer.toString(today.getYear()) : year.length() == 2 ? "20" + year : year;
        LocalDate date = safeDate(y, month, day);
        return date != null && year == null && date.isBefore(today) ? date.plusYears(1) : date;
    }

    /** The text being parsed; constraints are cut out of it as they are recognised. */
    private static final class Text {
        private String value;

        Text(String value) {
            this.value = value;
        }

        /** Applies {@code action} to the first match and cuts it out; true if there was one. */
        boolean cut(Pattern pattern, Consumer<Matcher> action) {
            Matcher m = pattern.matcher(value);
            if (!m.find()) {
                return false;
            }
            action.accept(m);
            value = value.substring(0, m.start()) + " " + value.substring(m.end());
            return true;
        }

        void cutAll(Pattern pattern, Consumer<Matcher> action) {
            while (cut(pattern, action)) {
                // every occurrence: the last one wins
            }
        }
    }

    private static final class Builder {
        BigDecimal minPrice;
        BigDecimal maxPrice;
        DateRange date;
        String timeOfDay;
        LocalTime timeAfter;
        LocalTime timeBefore;
        Integer durationMinutes;
        String level;
        String ageGroup;
        Location location;
        Boolean online;

        void range(BigDecimal a, BigDecimal b) {
            minPrice = a.min(b);
            maxPrice = a.max(b);
        }

        void exact(LocalDate day, LocalDate today) {
            if (day != null) {
                date = new DateRange("date", day, day);
            }
        }

        ParsedQuery build(String serviceText) {
            return new ParsedQuery(serviceText, minPrice, maxPrice, date, timeOfDay, timeAfter, timeBefore,
                    durationMinutes, level, ageGroup, location, online);
        }
    }
}
