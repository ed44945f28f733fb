package com.instainstru.search.query;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads constraints out of a query such as {@code piano lessons under $50 tomorrow evening}, or a whole
 * sentence typed into a chat box: price ({@link Money}), place ({@link Places}), online, in person or at
 * the student's home, lesson length, who it is for and at what level ({@link People}), date and time
 * ({@link When}). Each constraint found is cut out of the text; what remains, without greetings and
 * filler ({@link Words}), is the service text (empty when only vague words remain: every service). Words
 * for lessons, kids and beginners are understood in Spanish, French, Russian, Chinese and Korean too.
 * Pure and thread-safe.
 */
public final class QueryParser {

    private static final String B = "(?<![\\p{L}\\p{N}])";
    private static final String E = "(?![\\p{L}\\p{N}])";

    /** At the student's home: the instructor travels. */
    private static final Pattern AT_HOME = Pattern.compile(B + "(?:at|in|to)\\s+(?:my|our|your\\s+student'?s|the\\s+student'?s|"
            + "the\\s+kids'?|my\\s+kids'?|her|his|their)\\s+(?:own\\s+)?(?:home|house|place|apartment|apt|flat|building|condo)"
            + E + "|" + B + "(?:at[\\s-]+home|in[\\s-]+home|home[\\s-]+visits?|house\\s+calls?|(?:can|could|will|would|willing\\s+to|"
            + "able\\s+to|who)\\s+(?:come|travel|commute)\\s+(?:to\\s+)?(?:us|me|our|my|the\\s+house|the\\s+home|here)|"
            + "comes?\\s+to\\s+(?:us|me|our\\s+(?:home|house|place|apartment))|travels?\\s+to\\s+(?:us|me|students?|you|our)|"
            + "(?:who|that)\\s+travels|mobile\\s+(?:teacher|tutor|instructor|coach)|a\\s+domicile|a\\s+domicilio|"
            + "en\\s+casa|на\\s+дому|上门|방문)" + E);
    /** At the teacher's studio (or a place of theirs). */
    private static final Pattern AT_STUDIO = Pattern.compile(B + "(?:at|in)\\s+(?:a|the|their|your|his|her)\\s+"
            + "(?:studio|school|gym|dojo|workshop)|(?:at|in)\\s+(?:the\\s+)?(?:teacher|instructor|tutor)'?s\\s+(?:studio|place|home)"
            + E);
    private static final Pattern IN_PERSON = Pattern.compile(B + "(?:in[\\s-]person|face[\\s-]to[\\s-]face|in\\s+real\\s+life|irl|"
            + "offline|not\\s+online|no\\s+zoom|presencial(?:es)?|en\\s+personne|очно|лично|面授|线下|대면)" + E);
    private static final Pattern ONLINE = Pattern.compile(B + "(?:online|on-line|virtual(?:ly)?|remote(?:ly)?|zoom|skype|"
            + "facetime|google\\s+meet|video\\s+(?:call|chat|lessons?)|over\\s+video|webcam|via\\s+video|en\\s+linea|"
            + "en\\s+ligne|a\\s+distance|онлайн|дистанционно)" + E + "|线上|网上|在线|온라인|화상");
    private static final Pattern NEAR_ME = Pattern.compile(B + "(?:near\\s+me|nearby|close\\s+(?:to\\s+)?(?:me|by)|around\\s+me|"
            + "near\\s+(?:my|our)\\s+(?:home|place|house|apartment|office|work|school)|in\\s+my\\s+(?:area|neighbou?rhood)|"
            + "walking\\s+distance|cerca\\s+de\\s+mi|pres\\s+de\\s+chez\\s+moi|рядом|附近|근처)" + E);

    private static final Pattern MINUTES = Pattern.compile(B + "(\\d{1,3})\\s*-?\\s*(?:minutes?|mins?|min|минут)" + E
            + "(?:\\s+long)?|(\\d{1,3})\\s*분|(\\d{1,3})\\s*分钟");
    private static final Pattern HOURS = Pattern.compile(B + "(\\d{1,2}(?:\\.\\d+)?)\\s*-?\\s*(?:hours?|hrs?|часа?|часов)" + E
            + "(?:\\s+long)?|(\\d)\\s*시간|(\\d)\\s*(?:个)?小时");
    private static final Pattern HOUR_AND_HALF = Pattern.compile(B + "(?:(?:an?|1)\\s+hour\\s+and\\s+a\\s+half|1\\s*1/2\\s+hours?)" + E);
    private static final Pattern HALF_HOUR = Pattern.compile(B + "(?:half\\s+(?:an\\s+)?hour|1/2\\s+(?:an\\s+)?hour|"
            + "media\\s+hora|demi-heure|полчаса)" + E);
    private static final Pattern ONE_HOUR = Pattern.compile(B + "(?:an?|1)\\s+hour(?:\\s+long)?" + E + "|" + B + "hour[\\s-]long" + E);

    private final Places places;

    public QueryParser(NycAreas areas) {
        this.places = new Places(areas);
    }

    /** Parses {@code query} as asked on {@code today} (New York), at no particular time of that day. */
    public ParsedQuery parse(String query, LocalDate today) {
        return parse(query, today, null);
    }

    /** Parses {@code query} as asked at {@code now} (its date and time in New York). */
    public ParsedQuery parse(String query, ZonedDateTime now) {
        return parse(query, now.toLocalDate(), now.toLocalTime());
    }

    private ParsedQuery parse(String query, LocalDate today, LocalTime now) {
        String normalized = normalize(query);
        Text t = new Text(normalized);
        Builder b = new Builder();
        t.cutAll(Words.GREETING, m -> { });
        where(t, b);
        Money.read(t, b);
        duration(t, b);
        Integer grade = People.grade(t.value);
        People.audience(t, b);
        People.level(t, b);
        When.date(t, b, today);
        When.time(t, b, today, now);
        return b.build(serviceText(t.value, grade));
    }

    // ---- where and how ----

    private void where(Text t, Builder b) {
        if (t.cut(AT_HOME, m -> {
            b.online = false;
            b.locationType = "student_home";
        }) || t.cut(AT_STUDIO, m -> {
            b.online = false;
            b.locationType = "studio";
        }) || t.cut(IN_PERSON, m -> b.online = false)) {
            t.cut(ONLINE, m -> { });
        } else {
            t.cut(ONLINE, m -> b.online = true);
        }
        if (t.cut(NEAR_ME, m -> b.location = ParsedQuery.Location.nearTheStudent())) {
            return;
        }
        b.location = places.read(t);
    }

    private static void duration(Text t, Builder b) {
        if (b.durationMinutes != null) {
            return;
        }
        if (t.cut(HOUR_AND_HALF, m -> b.durationMinutes = 90) || t.cut(HALF_HOUR, m -> b.durationMinutes = 30)) {
            return;
        }
        if (t.cut(MINUTES, m -> b.durationMinutes = Integer.parseInt(m.group(1) != null ? m.group(1)
                : m.group(2) != null ? m.group(2) : m.group(3)))) {
            return;
        }
        if (t.cut(HOURS, m -> b.durationMinutes = (int) Math.round(Double.parseDouble(m.group(1) != null ? m.group(1)
                : m.group(2) != null ? m.group(2) : m.group(3)) * 60))) {
            return;
        }
        t.cut(ONE_HOUR, m -> b.durationMinutes = 60);
    }

    // ---- the service text ----

    /**
     * What remains without filler; empty when only vague words remain (any service). A school subject gets
     * the student's stage ("math" for a 5th grader is "elementary math").
     */
    static String serviceText(String rest, Integer grade) {
        List<String> words = new ArrayList<>();
        boolean vagueOnly = true;
        for (String raw : rest.replaceAll("[^\\p{L}\\p{N}'&+#]+", " ").strip().split("\\s+")) {
            // Possessives and elisions: "schooler's chemistry", "cours d'anglais".
            String word = raw.replaceAll("^(?:d|l|qu|j|n|s|c)'(?=\\p{L})", "").replaceAll("'s$|^'+|'+$", "");
            if (word.isEmpty() || Words.FILLER.contains(word) || word.equals("s")) {
                continue;
            }
            words.add(word);
            vagueOnly &= Words.VAGUE.contains(word) || word.equals("and") || word.equals("or");
        }
        if (vagueOnly) {
            return "";
        }
        String text = String.join(" ", words).replaceAll("^(?:(?:and|or|&|\\+)\\s+)+|(?:\\s+(?:and|or|&|\\+))+$", "")
                .replaceAll("\\b(and|or)(\\s+(?:and|or))+\\b", "$1").strip();
        if (text.equals("and") || text.equals("or")) {
            return "";
        }
        String staged = People.staged(text, grade);
        return staged != null ? staged : text;
    }

    /**
     * Lower case, compatibility forms, straight quotes, accents of Latin letters dropped ("niños", "débutant"
     * are read as "ninos", "debutant"; other scripts keep theirs), number words as digits.
     */
    static String normalize(String query) {
        String s = Normalizer.normalize(query == null ? "" : query, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace('’', '\'').replace('‘', '\'').replaceAll("\\p{Cntrl}", " ");
        s = Normalizer.normalize(Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("(?<=[a-z])\\p{M}+", ""),
                Normalizer.Form.NFC);
        return " " + Words.digits(s.replaceAll("\\s+", " ").strip()) + " ";
    }
}
