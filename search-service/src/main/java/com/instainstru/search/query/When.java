package com.instainstru.search.query;

import com.instainstru.search.query.ParsedQuery.DateRange;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When the student wants the lesson: dates (today, tomorrow, weekday names and their abbreviations,
 * plurals and lists, weekdays and weekends with exceptions, "in three days", numeric and named dates) and
 * times (parts of the day, named moments such as "right after school" or "early morning", clock times,
 * spans such as "from 1 to 3"). Dates resolve from {@code today} in New York; a bare hour reads as the
 * afternoon or evening when that is what a person means ("after 7", "after 8" once the morning is gone).
 */
final class When {

    private static final String B = "(?<![\\p{L}\\p{N}])";
    private static final String E = "(?![\\p{L}\\p{N}])";

    static final Map<String, DayOfWeek> DAY_NAMES = Map.ofEntries(Map.entry("monday", DayOfWeek.MONDAY),
            Map.entry("tuesday", DayOfWeek.TUESDAY), Map.entry("wednesday", DayOfWeek.WEDNESDAY),
            Map.entry("thursday", DayOfWeek.THURSDAY), Map.entry("friday", DayOfWeek.FRIDAY),
            Map.entry("saturday", DayOfWeek.SATURDAY), Map.entry("sunday", DayOfWeek.SUNDAY),
            Map.entry("mon", DayOfWeek.MONDAY), Map.entry("tue", DayOfWeek.TUESDAY), Map.entry("tues", DayOfWeek.TUESDAY),
            Map.entry("wed", DayOfWeek.WEDNESDAY), Map.entry("weds", DayOfWeek.WEDNESDAY),
            Map.entry("thu", DayOfWeek.THURSDAY), Map.entry("thur", DayOfWeek.THURSDAY),
            Map.entry("thurs", DayOfWeek.THURSDAY), Map.entry("fri", DayOfWeek.FRIDAY),
            Map.entry("sat", DayOfWeek.SATURDAY), Map.entry("sun", DayOfWeek.SUNDAY),
            // Spanish, French, Russian (as written after "в"), Chinese and Korean
            Map.entry("lunes", DayOfWeek.MONDAY), Map.entry("martes", DayOfWeek.TUESDAY),
            Map.entry("miercoles", DayOfWeek.WEDNESDAY), Map.entry("jueves", DayOfWeek.THURSDAY),
            Map.entry("viernes", DayOfWeek.FRIDAY), Map.entry("sabado", DayOfWeek.SATURDAY),
            Map.entry("domingo", DayOfWeek.SUNDAY), Map.entry("lundi", DayOfWeek.MONDAY), Map.entry("mardi", DayOfWeek.TUESDAY),
            Map.entry("mercredi", DayOfWeek.WEDNESDAY), Map.entry("jeudi", DayOfWeek.THURSDAY),
            Map.entry("vendredi", DayOfWeek.FRIDAY), Map.entry("samedi", DayOfWeek.SATURDAY),
            Map.entry("dimanche", DayOfWeek.SUNDAY), Map.entry("понедельник", DayOfWeek.MONDAY),
            Map.entry("вторник", DayOfWeek.TUESDAY), Map.entry("среду", DayOfWeek.WEDNESDAY),
            Map.entry("среда", DayOfWeek.WEDNESDAY), Map.entry("четверг", DayOfWeek.THURSDAY),
            Map.entry("пятницу", DayOfWeek.FRIDAY), Map.entry("пятница", DayOfWeek.FRIDAY),
            Map.entry("субботу", DayOfWeek.SATURDAY), Map.entry("суббота", DayOfWeek.SATURDAY),
            Map.entry("воскресенье", DayOfWeek.SUNDAY), Map.entry("星期一", DayOfWeek.MONDAY),
            Map.entry("星期二", DayOfWeek.TUESDAY), Map.entry("星期三", DayOfWeek.WEDNESDAY),
            Map.entry("星期四", DayOfWeek.THURSDAY), Map.entry("星期五", DayOfWeek.FRIDAY),
            Map.entry("星期六", DayOfWeek.SATURDAY), Map.entry("星期日", DayOfWeek.SUNDAY),
            Map.entry("星期天", DayOfWeek.SUNDAY), Map.entry("周一", DayOfWeek.MONDAY), Map.entry("周二", DayOfWeek.TUESDAY),
            Map.entry("周三", DayOfWeek.WEDNESDAY), Map.entry("周四", DayOfWeek.THURSDAY), Map.entry("周五", DayOfWeek.FRIDAY),
            Map.entry("周六", DayOfWeek.SATURDAY), Map.entry("周日", DayOfWeek.SUNDAY), Map.entry("월요일", DayOfWeek.MONDAY),
            Map.entry("화요일", DayOfWeek.TUESDAY), Map.entry("수요일", DayOfWeek.WEDNESDAY),
            Map.entry("목요일", DayOfWeek.THURSDAY), Map.entry("금요일", DayOfWeek.FRIDAY),
            Map.entry("토요일", DayOfWeek.SATURDAY), Map.entry("일요일", DayOfWeek.SUNDAY));
    /** Abbreviations that are also words ("SAT prep", "the sun"): a day only where a day is meant. */
    private static final Set<String> AMBIGUOUS = Set.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private static final Pattern DAY = Pattern.compile(B + "(?:(this|next|on|coming|every|each|this\\s+coming|"
            + "by|until|till|before|el|le|в|во)\\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
            + "mon|tues?|weds?|thu(?:rs?)?|fri|sat|sun|lunes|martes|miercoles|jueves|viernes|sabado|domingo|lundi|mardi|"
            + "mercredi|jeudi|vendredi|samedi|dimanche|понедельник|вторник|среду|среда|четверг|пятницу|пятница|субботу|"
            + "суббота|воскресенье)(s|es)?\\.?" + E + "|(星期[一二三四五六日天]|周[一二三四五六日]|[월화수목금토일]요일)");
    /** What follows a day abbreviation when a day is meant. */
    private static final Pattern DAY_CONTEXT_AFTER = Pattern.compile("^\\s*(?:,|/|&|-|or\\b|and\\b|morning|afternoon|evening|"
            + "night|am\\b|pm\\b|\\d|after\\b|before\\b|at\\b|from\\b|between\\b|early\\b|late\\b|$)");
    private static final Pattern DAY_CONTEXT_BEFORE = Pattern.compile("(?:,|/|&|-|\\bor|\\band|\\bon|\\bthis|\\bnext|"
            + "\\bcoming|\\bevery|\\bexcept|\\bbut|\\bnot|\\bno)\\s*$");
    private static final Pattern SAT_TEST = Pattern.compile("^\\s*(?:prep|test|exam|tutor|tutoring|class|classes|score|"
            + "math|reading|verbal|writing|practice|course|lessons?|subject|essay|vocab)\\b");

    private static final Pattern EXCEPT = Pattern.compile(B + "(?:except(?:\\s+for)?|but\\s+not|but|other\\s+than|excluding|"
            + "not\\s+on|no|apart\\s+from|besides|sauf|excepto|menos)\\s+(?:on\\s+)?");
    private static final Pattern WEEKDAYS = Pattern.compile(B + "(?:on\\s+|during\\s+)?(?:the\\s+)?(?:weekdays?|weeknights?|"
            + "work\\s*days?|during\\s+the\\s+week|mon(?:day)?\\s*(?:-|–|to|through|thru)\\s*fri(?:day)?|m\\s*-\\s*f)" + E);
    private static final Pattern ANY_DAY = Pattern.compile(B + "(?:any\\s+day|every\\s*day|daily|any\\s+day\\s+of\\s+the\\s+week)" + E);
    private static final Pattern NEXT_WEEKEND = Pattern.compile(B + "next\\s+weekend" + E);
    private static final Pattern WEEKEND = Pattern.compile(B + "(?:this\\s+|on\\s+the\\s+|over\\s+the\\s+|the\\s+|on\\s+|"
            + "during\\s+the\\s+)?(?:weekends?|week-ends?|fin\\s+de\\s+semana|ce\\s+week-?end|выходные|в\\s+выходные)" + E
            + "|周末|주말");
    private static final Pattern NEXT_WEEK = Pattern.compile(B + "next\\s+week" + E);
    private static final Pattern THIS_WEEK = Pattern.compile(B + "(?:this|later\\s+this|rest\\s+of\\s+the|sometime\\s+this)"
            + "\\s+week" + E);

    private static final Pattern TONIGHT = Pattern.compile(B + "(?:tonight|tonite|this\\s+evening|ce\\s+soir|esta\\s+noche|"
            + "сегодня\\s+вечером)" + E + "|今晚|오늘\\s*저녁|오늘\\s*밤");
    private static final Pattern THIS_PART_OF_DAY = Pattern.compile(B + "this\\s+(?=(?:morning|afternoon)" + E + ")");
    private static final Pattern DAY_AFTER_TOMORROW = Pattern.compile(B + "(?:the\\s+)?day\\s+after\\s+tomorrow" + E
            + "|" + B + "pasado\\s+manana" + E + "|" + B + "apres-demain" + E + "|" + B + "послезавтра" + E + "|后天|모레");
    private static final Pattern TOMORROW = Pattern.compile(B + "(?:tomorrow|tmrw|tmr|tomorow|tommorow|tommorrow|tmrow|"
            + "demain|завтра)" + E + "|明天|내일|" + B + "(?<!la\\s)manana" + E);
    private static final Pattern TODAY = Pattern.compile(B + "(?:today|todays|this\\s+day|right\\s+now|asap|right\\s+away|"
            + "hoy|aujourd'?hui|сегодня|tout\\s+de\\s+suite)" + E + "|今天|오늘");
    private static final Pattern IN_DAYS = Pattern.compile(B + "(?:in|within)\\s+(?:(\\d{1,2})|(a\\s+couple(?:\\s+of)?)|"
            + "(a\\s+few))\\s+(days?|weeks?)(?:\\s+(?:from\\s+)?(?:now|today))?" + E + "|" + B + "(\\d{1,2})\\s+(days?|weeks?)"
            + "\\s+from\\s+(?:now|today)" + E + "|" + B + "a\\s+week\\s+from\\s+(?:today|now)" + E);
    private static final Pattern ISO_DATE = Pattern.compile(B + "(\\d{4})-(\\d{2})-(\\d{2})" + E);
    private static final Pattern SLASH_DATE = Pattern.compile(B + "(?:on\\s+)?(\\d{1,2})/(\\d{1,2})(?:/(\\d{2,4}))?" + E);
    private static final String MONTHS = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
            + "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private static final Pattern MONTH_DAY = Pattern.compile(B + "(?:on\\s+)?" + MONTHS + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?" + E);
    private static final Pattern DAY_MONTH = Pattern.compile(B + "(?:on\\s+)?(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?"
            + MONTHS + E);
    private static final Pattern DAY_OF_MONTH = Pattern.compile(B + "(?:on\\s+)?the\\s+(\\d{1,2})(?:st|nd|rd|th)" + E);

    private static final String CLOCK = "(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm|a\\.m\\.?|p\\.m\\.?|o'?clock|h)?";
    private static final String NOON = "(noon|midday|midnight)";
    private static final Pattern SPAN = Pattern.compile(B + "(?:(from|between)\\s+)?(?:" + CLOCK + "|" + NOON + ")\\s*"
            + "(?:-|–|—|to|till|til|until|and)\\s*(?:" + CLOCK + "|" + NOON + ")(?![\\d$%])"
            + "(?!\\s*(?:dollars?|bucks|usd|/\\s*h|per\\b|an\\s+hour|a\\s+lesson|years?|yrs?|y/?o|minutes?|mins?|hours?|hrs?|"
            + "kids|students|people|days?|weeks?)" + E + ")");
    private static final Pattern AFTER = Pattern.compile(B + "(?:after|from|later\\s+than|past|no\\s+earlier\\s+than|"
            + "starting\\s+(?:at|from)|any\\s+time\\s+after|anytime\\s+after)\\s+(?:" + CLOCK + "|" + NOON + ")(?![\\d/$])"
            + "(?!\\s*(?:dollars?|bucks|years?|minutes?|mins?|hours?|days?)" + E + ")");
    private static final Pattern BEFORE = Pattern.compile(B + "(?:before|until|till|by|earlier\\s+than|no\\s+later\\s+than|"
            + "ending\\s+by|done\\s+by|finished\\s+by)\\s+(?:" + CLOCK + "|" + NOON + ")(?![\\d/$])"
            + "(?!\\s*(?:dollars?|bucks|years?|minutes?|mins?|hours?|days?)" + E + ")");
    private static final Pattern AT = Pattern.compile(B + "(?:at|around|about|@)\\s+" + CLOCK + "(?![\\d$%/])"
            + "(?!\\s*(?:years?|yrs?|dollars?|bucks|minutes?|mins?|hours?|hrs?|days?|weeks?|y/?o|kids|students)" + E + ")");
    private static final Pattern BARE = Pattern.compile(B + "(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm|a\\.m\\.?|p\\.m\\.?)" + E);

    /** Named moments of the day: the clock times a person means, and the part of the day they lie in. */
    private record Moment(Pattern words, LocalTime from, LocalTime to, String part) {
    }

    private static final List<Moment> MOMENTS = List.of(
            moment("(?:right|straight|just|directly|immediately)\\s+after\\s+school", 15, 0, 17, 0, "afternoon"),
            moment("after\\s+school", 15, 0, 18, 0, "afternoon"),
            moment("before\\s+school", 6, 0, 8, 0, "morning"),
            moment("(?:right\\s+|straight\\s+)?after\\s+work|after\\s+my\\s+(?:shift|job)|after\\s+the\\s+office", 17, 30, 22, 0, "evening"),
            moment("before\\s+work", 6, 0, 9, 0, "morning"),
            moment("after\\s+dinner", 19, 0, 22, 0, "evening"),
            moment("(?:at|around|during)\\s+lunch(?:\\s*time)?|lunch\\s*time|lunch\\s+break|(?:at|around)\\s+(?:noon|midday)", 11, 30, 14, 0, "afternoon"),
            moment("first\\s+thing(?:\\s+in\\s+the\\s+morning)?|early\\s+(?:in\\s+the\\s+)?mornings?|early\\s+am|(?:at\\s+)?dawn|sunrise", 6, 0, 9, 0, "morning"),
            moment("late\\s+(?:in\\s+the\\s+)?mornings?|mid\\s*-?\\s*mornings?", 9, 0, 12, 0, "morning"),
            moment("early\\s+(?:in\\s+the\\s+)?afternoons?", 12, 0, 15, 0, "afternoon"),
            moment("late\\s+(?:in\\s+the\\s+)?afternoons?|mid\\s*-?\\s*afternoons?", 15, 0, 17, 0, "afternoon"),
            moment("early\\s+(?:in\\s+the\\s+)?evenings?", 17, 0, 19, 0, "evening"),
            moment("late\\s+(?:in\\s+the\\s+)?(?:evenings?|nights?)|late\\s+at\\s+night|later\\s+at\\s+night|after\\s+dark", 20, 0, 23, 0, "evening"),
            moment("during\\s+the\\s+day|daytime|day\\s+time|business\\s+hours|working\\s+hours", 9, 0, 17, 0, null));

    /** Words one of the named moments needs. */
    private static final String[] MOMENT_WORDS = {"school", "work", "shift", "office", "dinner", "lunch", "noon", "midday",
            "first", "early", "dawn", "sunrise", "late", "mid", "dark", "day", "business", "working"};

    private static final Pattern MORNING = Pattern.compile(B + "(?:this\\s+|in\\s+the\\s+|on\\s+|during\\s+the\\s+)?"
            + "(?:mornings?|am\\s+hours|por\\s+la\\s+manana|en\\s+la\\s+manana|de\\s+la\\s+manana|le\\s+matin|ce\\s+matin|"
            + "du\\s+matin|утром|утра)" + E + "|上午|早上|早晨|오전|아침");
    private static final Pattern AFTERNOON = Pattern.compile(B + "(?:this\\s+|in\\s+the\\s+|on\\s+|during\\s+the\\s+)?"
            + "(?:afternoons?|arvo|por\\s+la\\s+tarde|en\\s+la\\s+tarde|de\\s+la\\s+tarde|l'?apres-?midi|cet\\s+apres-?midi|"
            + "днем|днём|после\\s+обеда)" + E + "|下午|오후");
    private static final Pattern EVENING = Pattern.compile(B + "(?:this\\s+|in\\s+the\\s+|on\\s+|during\\s+the\\s+|at\\s+)?"
            + "(?:evenings?|nights?|nighttime|pm\\s+hours|por\\s+la\\s+noche|en\\s+la\\s+noche|de\\s+la\\s+noche|le\\s+soir|"
            + "en\\s+soiree|вечером|вечера)" + E + "|晚上|傍晚|저녁");
    private static final Pattern EVENING_WORDS = Pattern.compile(B + "(?:tonight|tonite|evenings?|nights?|pm|after\\s+work|"
            + "after\\s+dinner)" + E);

    private When() {
    }

    private static Moment moment(String words, int h1, int m1, int h2, int m2, String part) {
        return new Moment(Pattern.compile(B + "(?:" + words + ")" + E), LocalTime.of(h1, m1), LocalTime.of(h2, m2), part);
    }

    // ---- dates ----

    static void date(Text t, Builder b, LocalDate today) {
        if (t.cut(TONIGHT, m -> {
            b.date = new DateRange("today", today, today);
            b.timeOfDay = "evening";
        })) {
            return;
        }
        if (t.cut(THIS_PART_OF_DAY, m -> b.date = new DateRange("today", today, today))) {
            return;
        }
        boolean found = t.cut(ISO_DATE, m -> b.exact(safeDate(m.group(1), m.group(2), m.group(3))))
                || t.cut(MONTH_DAY, m -> b.exact(monthDay(m.group(1), m.group(2), today)))
                || t.cut(DAY_MONTH, m -> b.exact(monthDay(m.group(2), m.group(1), today)))
                || t.cut(IN_DAYS, m -> b.exact(inDays(m, today)))
                || t.cut(DAY_AFTER_TOMORROW, m -> b.date = new DateRange("date", today.plusDays(2), today.plusDays(2)))
                || t.cut(TOMORROW, m -> b.date = new DateRange("tomorrow", today.plusDays(1), today.plusDays(1)))
                || t.cut(TODAY, m -> b.date = new DateRange("today", today, today))
                || t.cut(NEXT_WEEKEND, m -> b.date = weekend(today, true))
                || days(t, b, today)
                || t.cut(NEXT_WEEK, m -> {
                    LocalDate monday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
                    b.date = new DateRange("next_week", monday, monday.plusDays(6));
                })
                || t.cut(THIS_WEEK, m -> b.date = new DateRange("this_week", today,
                        today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY))))
                || t.cut(DAY_OF_MONTH, m -> b.exact(dayOfMonth(m.group(1), today)));
        if (!found) {
            t.cut(SLASH_DATE, m -> b.exact(slashDate(m.group(1), m.group(2), m.group(3), today)));
        }
    }

    /**
     * Days of the week: weekdays, the weekend, one day or several ("tues or thurs", "saturdays"), any of them
     * with exceptions ("weekdays except monday"). Returns whether any was read.
     */
    private static boolean days(Text t, Builder b, LocalDate today) {
        EnumSet<DayOfWeek> excluded = EnumSet.noneOf(DayOfWeek.class);
        Matcher except = EXCEPT.matcher(t.value);
        while (except.find()) {
            List<int[]> spans = new ArrayList<>();
            EnumSet<DayOfWeek> days = dayList(t.value, except.end(), spans);
            if (!days.isEmpty()) {
                excluded.addAll(days);
                t.cutAt(except.start(), spans.get(spans.size() - 1)[1]);
                except = EXCEPT.matcher(t.value);
            }
        }
        EnumSet<DayOfWeek> base = null;
        String keyword = null;
        LocalDate from = today;
        LocalDate to = today.plusDays(6);
        if (t.cut(WEEKDAYS, m -> {
            if (m.group().contains("night")) {
                b.between(LocalTime.of(17, 0), LocalTime.of(22, 0), "evening");
            }
        })) {
            base = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
            keyword = "weekdays";
        } else if (t.has(WEEKEND)) {
            t.cut(WEEKEND, m -> { });
            DateRange weekend = weekend(today, false);
            base = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            keyword = "weekend";
            from = weekend.from();
            to = weekend.to();
        } else if (t.cut(ANY_DAY, m -> { })) {
            base = EnumSet.allOf(DayOfWeek.class);
            keyword = "this_week";
        }
        List<DayOfWeek> named = new ArrayList<>();
        boolean plural = false;
        Matcher m = DAY.matcher(t.value);
        while (m.find()) {
            String word = m.group(2) != null ? m.group(2) : m.group(4);
            DayOfWeek day = word == null ? null : DAY_NAMES.get(word.replace(".", ""));
            if (day == null || !meantAsDay(t.value, m, word)) {
                continue;
            }
            named.add(day);
            plural |= m.group(3) != null || "every".equals(m.group(1)) || "each".equals(m.group(1));
            if ("next".equals(m.group(1))) {
                from = today.plusDays(1);
            }
            t.cutAt(m.start(), m.end());
            m = DAY.matcher(t.value);
        }
        if (!named.isEmpty()) {
            EnumSet<DayOfWeek> days = EnumSet.copyOf(named);
            days.removeAll(excluded);
            if (days.isEmpty()) {
                return false;
            }
            DayOfWeek first = named.stream().filter(days::contains).findFirst().orElseThrow();
            if (days.size() == 1 && !plural) {
                LocalDate date = from.equals(today) ? today.with(TemporalAdjusters.nextOrSame(first))
                        : today.with(TemporalAdjusters.next(first));
                b.date = new DateRange(first.name().toLowerCase(Locale.ROOT), date, date);
            } else {
                LocalDate start = from;
                LocalDate end = plural ? start.plusDays(27) : start.plusDays(6);
                b.date = new DateRange(first.name().toLowerCase(Locale.ROOT), start, end, names(days));
            }
            return true;
        }
        if (base == null && !excluded.isEmpty()) {
            base = EnumSet.allOf(DayOfWeek.class);
            keyword = "this_week";
        }
        if (base == null) {
            return false;
        }
        base.removeAll(excluded);
        if ("weekend".equals(keyword) && excluded.isEmpty()) {
            b.date = new DateRange("weekend", from, to);
        } else {
            b.date = new DateRange(keyword, from, to, names(base));
        }
        return true;
    }

    /** The days named one after another from {@code start} ("monday", "mon and wed", "tues or thurs"). */
    private static EnumSet<DayOfWeek> dayList(String text, int start, List<int[]> spans) {
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Matcher m = DAY.matcher(text);
        int at = start;
        while (m.find(at) && text.substring(at, m.start()).matches("\\s*(?:,|/|&|or|and)?\\s*")) {
            String word = m.group(2) != null ? m.group(2) : m.group(4);
            DayOfWeek day = word == null ? null : DAY_NAMES.get(word.replace(".", ""));
            if (day == null) {
                break;
            }
            days.add(day);
            spans.add(new int[] {m.start(), m.end()});
            at = m.end();
        }
        return days;
    }

    /** Whether the word is a day here: full names are; an ambiguous abbreviation needs a day's company. */
    private static boolean meantAsDay(String text, Matcher m, String word) {
        if (!AMBIGUOUS.contains(word)) {
            return true;
        }
        String after = text.substring(m.end());
        if ("sat".equals(word) && SAT_TEST.matcher(after).find()) {
            return false;
        }
        return m.group(1) != null || DAY_CONTEXT_AFTER.matcher(after).find()
                || DAY_CONTEXT_BEFORE.matcher(text.substring(0, m.start())).find();
    }

    private static List<String> names(EnumSet<DayOfWeek> days) {
        return days.stream().map(d -> d.name().toLowerCase(Locale.ROOT)).toList();
    }

    static DateRange weekend(LocalDate today, boolean next) {
        LocalDate saturday = today.getDayOfWeek() == DayOfWeek.SUNDAY ? today.minusDays(1)
                : today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        if (next) {
            saturday = saturday.plusWeeks(1);
            return new DateRange("next_weekend", saturday, saturday.plusDays(1));
        }
        return new DateRange("weekend", saturday.isBefore(today) ? today : saturday, saturday.plusDays(1));
    }

    private static LocalDate inDays(Matcher m, LocalDate today) {
        String text = m.group();
        if (text.startsWith("a week from")) {
            return today.plusWeeks(1);
        }
        int n = m.group(1) != null ? Integer.parseInt(m.group(1)) : m.group(2) != null ? 2 : m.group(3) != null ? 3
                : Integer.parseInt(m.group(5));
        String unit = m.group(4) != null ? m.group(4) : m.group(6);
        return unit.startsWith("week") ? today.plusWeeks(n) : today.plusDays(n);
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

    private static LocalDate dayOfMonth(String day, LocalDate today) {
        LocalDate date = safeDate(Integer.toString(today.getYear()), Integer.toString(today.getMonthValue()), day);
        if (date != null && date.isBefore(today)) {
            LocalDate next = today.plusMonths(1);
            date = safeDate(Integer.toString(next.getYear()), Integer.toString(next.getMonthValue()), day);
        }
        return date;
    }

    private static LocalDate slashDate(String month, String day, String year, LocalDate today) {
        String y = year == null ? Integer.toString(today.getYear()) : year.length() == 2 ? "20" + year : year;
        LocalDate date = safeDate(y, month, day);
        return date != null && year == null && date.isBefore(today) ? date.plusYears(1) : date;
    }

    // ---- times ----

    /** Clock times and parts of the day; {@code now} (New York), when known, settles "after 8" on a day already begun. */
    static void time(Text t, Builder b, LocalDate today, LocalTime now) {
        if (t.mentions(MOMENT_WORDS)) {
            for (Moment moment : MOMENTS) {
                if (t.cut(moment.words(), m -> b.between(moment.from(), moment.to(), moment.part()))) {
                    break;
                }
            }
        }
        boolean evening = t.has(EVENING_WORDS) || "evening".equals(b.timeOfDay);
        boolean laterToday = now != null && (b.date == null || b.date.from().equals(today));
        if (t.hasDigit() || t.mentions("noon", "midday", "midnight")) {
            clockTimes(t, b, evening, laterToday ? now : null);
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

    private static void clockTimes(Text t, Builder b, boolean evening, LocalTime now) {
        if (b.timeAfter == null && b.timeBefore == null) {
            t.cutIf(SPAN, m -> span(m, b, evening));
        }
        if (b.timeAfter == null) {
            t.cut(AFTER, m -> b.timeAfter = clockOrNoon(m, 1, evening, now));
        }
        if (b.timeBefore == null) {
            t.cut(BEFORE, m -> b.timeBefore = clockOrNoon(m, 1, evening, null));
        }
        if (b.timeAfter == null && b.timeBefore == null) {
            t.cut(AT, m -> b.timeAfter = clock(m.group(1), m.group(2), m.group(3), evening, now));
            t.cut(BARE, m -> b.timeAfter = clock(m.group(1), m.group(2), m.group(3), evening, null));
        }
    }

    /** "from 1 to 3", "4-6pm", "between 10 and noon": a stretch of the day, when the numbers can be hours. */
    private static boolean span(Matcher m, Builder b, boolean evening) {
        String fromWord = m.group(1);
        boolean marked = m.group(3) != null || m.group(4) != null || m.group(5) != null || m.group(7) != null
                || m.group(8) != null || m.group(9) != null;
        Integer h1 = m.group(2) == null ? null : Integer.valueOf(m.group(2));
        Integer h2 = m.group(6) == null ? null : Integer.valueOf(m.group(6));
        if (!marked && (fromWord == null || h1 != null && h1 > 12 || h2 != null && h2 > 12)) {
            return false; // "35-55" is a price, "5-12" an age: only "from 1 to 3" and marked times are hours
        }
        if (h1 != null && h1 > 23 || h2 != null && h2 > 23) {
            return false;
        }
        String meridiemEnd = m.group(8);
        LocalTime end = m.group(9) != null ? noon(m.group(9)) : clock(m.group(6), m.group(7), meridiemEnd, evening, null);
        String meridiemStart = m.group(4) != null ? m.group(4) : meridiemEnd;
        LocalTime start = m.group(5) != null ? noon(m.group(5)) : clock(m.group(2), m.group(3), meridiemStart, evening, null);
        if (start == null || end == null) {
            return false;
        }
        if (!end.isAfter(start) && m.group(4) == null && start.getHour() >= 12 && start.getHour() - 12 < end.getHour()) {
            start = start.minusHours(12); // "11 to 1": eleven in the morning to one
        }
        if (!end.isAfter(start) && end.getHour() < 12) {
            end = end.plusHours(12);
        }
        if (!end.isAfter(start)) {
            return false;
        }
        LocalTime from = start;
        LocalTime to = end;
        b.between(from, to, to.getHour() <= 12 ? "morning" : from.getHour() >= 17 ? "evening"
                : from.getHour() >= 12 ? "afternoon" : null);
        return true;
    }

    private static LocalTime clockOrNoon(Matcher m, int first, boolean evening, LocalTime now) {
        return m.group(first + 3) != null ? noon(m.group(first + 3))
                : clock(m.group(first), m.group(first + 1), m.group(first + 2), evening, now);
    }

    private static LocalTime noon(String word) {
        return "midnight".equals(word) ? LocalTime.of(23, 59) : LocalTime.NOON;
    }

    /**
     * A clock time as a person means it: "5" is five in the afternoon (nobody books a 5 am lesson by saying
     * "after 5"), and 8 to 11 are the evening when the words say evening or that morning is already past.
     */
    static LocalTime clock(String hour, String minute, String meridiem, boolean evening, LocalTime now) {
        if (meridiem != null && (meridiem.startsWith("o") || meridiem.equals("h"))) {
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
            h += 12;
        } else if (meridiem == null && h >= 8 && h <= 11 && (evening || now != null && now.getHour() >= h)) {
            h += 12;
        }
        return LocalTime.of(h, min);
    }
}
