package com.instainstru.search.query;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who the lesson is for and at what level: ages ("my 9-year-old", "ages 5-12"), school grades ("5th
 * grader", "grade 10", "kindergartener"), students ("a grad student": an adult, advanced), audiences
 * (kids, teens, adults) and levels (beginner, intermediate, advanced) — in English, Spanish, French,
 * Russian, Chinese and Korean. An age or grade also says which school subject is meant: a 5th grader's
 * math is elementary math, a 7th grader's middle school math ({@link #staged}).
 */
final class People {

    private static final String B = "(?<![\\p{L}\\p{N}])";
    private static final String E = "(?![\\p{L}\\p{N}])";
    private static final String FOR = "(?:(?:for|para|pour|для)\\s+)?(?:(?:an?|my|our|the|mi|mis|mon|ma|mes|nuestro|nuestra|"
            + "nuestros|nuestras|nos|notre)\\s+)?";

    private static final Pattern AGES = Pattern.compile(B + FOR + "(?:ages?|aged|edad(?:es)?|âge)\\s+(\\d{1,2})\\s*"
            + "(?:-|–|to|and|a|à)\\s*(\\d{1,2})(?:\\s*(?:years?|yrs?)(?:\\s+old)?)?" + E
            + "|" + B + FOR + "(\\d{1,2})\\s*(?:-|–|to)\\s*(\\d{1,2})[\\s-]*(?:years?|yrs?|y/?o|y\\.o\\.?|anos|ans)(?:[\\s-]*olds?)?" + E
            + "|" + B + FOR + "(\\d{1,2})[\\s-]*(?:years?|yrs?|y\\.?o\\.?|yo|anos|ans|лет|года|год)(?:[\\s-]*olds?)?"
            + "(?:\\s+(?:kids?|children|child|boys?|girls?|sons?|daughters?|students?))?" + E
            + "|" + B + FOR + "(?:ages?|aged)\\s+(\\d{1,2})(?:\\s*(?:\\+|and\\s+up|or\\s+older|and\\s+older))?" + E
            + "|(\\d{1,2})\\s*岁|(\\d{1,2})\\s*살"
            + "|" + B + "(?:my\\s+|our\\s+)?(?:son|daughter|kid|child|boy|girl|he|she|they)(?:'s|\\s+is|\\s+are|\\s+just\\s+turned|"
            + "\\s+turned|\\s+turns)\\s+(\\d{1,2})(?:\\s*(?:years?|yrs?)(?:\\s+old)?)?" + E);
    /** "5th grader", "grade 10", "in 3rd grade". */
    private static final Pattern GRADE = Pattern.compile(B + FOR + "(?:(\\d{1,2})(?:st|nd|rd|th)[\\s-]*grader?s?|"
            + "(?:in\\s+)?grade\\s+(\\d{1,2})(?:\\s+students?)?|(kindergart(?:en|ner|ener)s?|pre-?k|pre-?school(?:ers?)?|"
            + "elementary\\s+school(?:ers?)?(?:\\s+(?:students?|kids?))?|grade\\s+school(?:ers?)?))" + E);
    private static final Pattern MIDDLE_SCHOOL = Pattern.compile(B + FOR + "middle[\\s-]+school(?:ers?)?(?:\\s+(?:students?|kids?))?" + E
            + "(?!\\s*(?:math|english|science)" + E + ")");
    private static final Pattern HIGH_SCHOOL = Pattern.compile(B + FOR + "(?:high[\\s-]+school(?:ers?)?(?:\\s+(?:students?|juniors?|"
            + "seniors?|freshm[ae]n|sophomores?|kids|teens))?|hs\\s+students?)" + E + "(?!\\s*(?:math|geometry|algebra)" + E + ")");
    private static final Pattern COLLEGE = Pattern.compile(B + FOR + "(?:college|university|undergrad(?:uate)?|uni)\\s+"
            + "(?:students?|kids?|freshm[ae]n|sophomores?|juniors?|seniors?)" + E + "|" + B + FOR + "(?:undergrads?|undergraduates?|"
            + "college\\s+freshm[ae]n)" + E);
    private static final Pattern GRAD_STUDENT = Pattern.compile(B + FOR + "(?:grad(?:uate)?|phd|ph\\.d\\.?|masters?|"
            + "master's|doctoral|postgrad(?:uate)?)\\s+(?:students?|candidates?)" + E + "|" + B + FOR
            + "(?:grad\\s+school(?:er)?s?|postgrads?)" + E + "(?!\\s*prep)");
    private static final Pattern KIDS = Pattern.compile(B + FOR + "(?:kids?|kiddos?|children|child|toddlers?|little\\s+ones?|"
            + "sons?|daughters?|boys?|girls?|little\\s+(?:boy|girl)|preschool(?:ers)?|youth|young\\s+learners|youngsters?|"
            + "ninos?|ninas?|hijos?|hijas?|infantil|enfants?|fils|fille|filles|petits?|дет(?:и|ей|ям|ский|ская|ское)|"
            + "ребенка|ребёнка|ребенок|ребёнок|сына|сын|дочери|дочь|школьников)" + E
            + "|孩子|儿童|小孩|少儿|儿子|女儿|幼儿|아이들|아이|어린이|아동|초등학생|유아|아들|딸");
    private static final Pattern TEENS = Pattern.compile(B + FOR + "(?:teens?|teenagers?|adolescents?|tweens?|"
            + "adolescentes?|ados?|подрост(?:ок|ков|кам|ка))" + E + "|青少年|청소년|중학생|고등학생");
    private static final Pattern ADULTS = Pattern.compile(B + FOR + "(?:adults?|grown[\\s-]?ups?|seniors|senior\\s+citizens?|"
            + "retirees|older\\s+adults|elderly|adultos|adultes|взрослы(?:х|м|е|й))" + E + "|成人|大人|성인|어른");

    private static final Pattern BEGINNER = Pattern.compile(B + "(?:for\\s+)?(?:an?\\s+|absolute\\s+|complete\\s+|total\\s+|"
            + "real\\s+)?(?:beginners?|beginning|novices?|newbies?|newcomers?|first[\\s-]+timers?|starters?|"
            + "intro(?:ductory)?|basics?|from\\s+(?:scratch|zero)|(?:never|haven'?t|have\\s+not)\\s+(?:played|done|tried|"
            + "taken|learned|had)(?:\\s+(?:it|one|any|a\\s+lesson|lessons|before))*|no\\s+(?:prior\\s+)?experience|"
            + "just\\s+(?:starting|beginning)(?:\\s+out)?|starting\\s+out|first\\s+time|first\\s+lessons?|"
            + "principiantes?|desde\\s+cero|debutante?s?|niveau\\s+debutant|начинающ(?:их|им|ий|ая|ие|его)|"
            + "с\\s+нуля|новичк(?:ов|ам|и|а))(?:\\s+level)?" + E + "|初学者|零基础|入门|初级|新手|초보자?|초급|입문");
    private static final Pattern INTERMEDIATE = Pattern.compile(B + "(?:for\\s+)?(?:intermediates?|intermedi(?:o|a|os|as)|"
            + "intermediaires?|some\\s+experience|brush(?:ing)?\\s+up|refresher|rusty|getting\\s+back\\s+into|"
            + "средн(?:ий|его|его\\s+уровня))(?:\\s+level)?" + E + "|中级|중급");
    private static final Pattern ADVANCED = Pattern.compile(B + "(?:for\\s+)?(?:advanced|experts?|experienced|"
            + "professional[\\s-]+level|pro[\\s-]+level|conservatory(?:[\\s-]+level)?|audition\\s+prep|pre[\\s-]?professional|"
            + "competitive|avanzad[oa]s?|avance[es]?|продвинут(?:ый|ых|ым|ого))(?:\\s+level)?" + E + "|高级|고급|상급");

    private static final String[] KID_STEMS = {"kid", "child", "toddler", "little", "son", "daughter", "boy", "girl",
            "preschool", "youth", "young", "nin", "hij", "infantil", "enfant", "fils", "fille", "petit", "дет", "реб", "сын",
            "доч", "школьник", "孩子", "儿童", "小孩", "少儿", "儿子", "女儿", "幼儿", "아이", "어린이", "아동", "초등학생", "유아",
            "아들", "딸"};
    private static final String[] TEEN_STEMS = {"teen", "adolesc", "tween", "ado", "подрост", "青少年", "청소년", "중학생",
            "고등학생"};
    private static final String[] ADULT_STEMS = {"adult", "grown", "senior", "retiree", "older", "elderly", "взросл",
            "成人", "大人", "성인", "어른"};
    private static final String[] BEGINNER_STEMS = {"begin", "novice", "newbie", "newcomer", "first", "starter", "intro",
            "basic", "scratch", "zero", "never", "haven", "have not", "experience", "just", "starting", "principiante",
            "cero", "debutant", "начина", "нуля", "новичк", "初学", "零基础", "入门", "初级", "新手", "초보", "초급", "입문"};
    private static final String[] INTERMEDIATE_STEMS = {"intermedi", "some experience", "brush", "refresher", "rusty",
            "getting back", "средн", "中级", "중급"};
    private static final String[] ADVANCED_STEMS = {"advanced", "expert", "experienced", "professional", "pro", "conservatory",
            "audition", "competitive", "avanzad", "avanc", "продвинут", "高级", "고급", "상급"};

    private People() {
    }

    /** Reads the age group (and for students the level) and cuts what said it. */
    static void audience(Text t, Builder b) {
        boolean digits = t.hasDigit();
        boolean kids = t.mentions(KID_STEMS);
        if ((digits || t.mentions("岁", "살")) && t.cut(AGES, m -> b.ageGroup = ageGroup(upperAge(m)))) {
            if (kids) {
                t.cut(KIDS, m -> { });
            }
            return;
        }
        if ((digits || t.mentions("kinder", "pre", "elementary", "grade")) && t.cut(GRADE, m -> b.ageGroup = gradeGroup(m))) {
            if (kids) {
                t.cut(KIDS, m -> { });
            }
            return;
        }
        if (t.mentions("grad", "phd", "ph.d", "master", "doctoral", "postgrad") && t.cut(GRAD_STUDENT, m -> {
            b.ageGroup = "adults";
            b.level = "advanced";
        }) || t.mentions("college", "universit", "undergrad", "uni ") && t.cut(COLLEGE, m -> b.ageGroup = "adults")) {
            return;
        }
        if (t.mentions("high", "hs ") && t.cut(HIGH_SCHOOL, m -> b.ageGroup = "high_school")
                || t.mentions("middle") && t.cut(MIDDLE_SCHOOL, m -> b.ageGroup = "teens")
                || t.mentions(TEEN_STEMS) && t.cut(TEENS, m -> b.ageGroup = "teens")
                || kids && t.cut(KIDS, m -> b.ageGroup = "kids")) {
            return;
        }
        if (t.mentions(ADULT_STEMS)) {
            t.cut(ADULTS, m -> b.ageGroup = "adults");
        }
    }

    static void level(Text t, Builder b) {
        if (b.level != null) {
            return;
        }
        if (!(t.mentions(BEGINNER_STEMS) && t.cut(BEGINNER, m -> b.level = "beginner"))
                && !(t.mentions(INTERMEDIATE_STEMS) && t.cut(INTERMEDIATE, m -> b.level = "intermediate"))
                && t.mentions(ADVANCED_STEMS)) {
            t.cut(ADVANCED, m -> b.level = "advanced");
        }
    }

    /** The subjects the catalog teaches by school stage, and what each stage's course is called. */
    private static final java.util.Map<String, java.util.Map<String, String>> STAGED = java.util.Map.of(
            "math", java.util.Map.of("elementary", "elementary math", "middle school", "middle school math",
                    "high school", "high school math"),
            "maths", java.util.Map.of("elementary", "elementary math", "middle school", "middle school math",
                    "high school", "high school math"),
            "english", java.util.Map.of("middle school", "middle school english"),
            "science", java.util.Map.of("elementary", "middle school science", "middle school", "middle school science"),
            "reading", java.util.Map.of("elementary", "elementary reading"),
            "homework", java.util.Map.of("elementary", "elementary homework"));

    /**
     * The service text with the school stage an age or grade puts the student in, where the catalog
     * teaches the subject by stage: a 5th grader's math is elementary math, a 7th grader's middle school
     * math. Null when it does not apply.
     */
    static String staged(String text, Integer grade) {
        if (grade == null) {
            return null;
        }
        String stage = grade <= 5 ? "elementary" : grade <= 8 ? "middle school" : "high school";
        for (java.util.Map.Entry<String, java.util.Map<String, String>> subject : STAGED.entrySet()) {
            String course = subject.getValue().get(stage);
            if (course != null && text.matches("(?:.*\\s)?" + subject.getKey() + "(?:\\s.*)?") && !text.contains(stage)) {
                return text.replaceFirst("\\b" + subject.getKey() + "\\b", course);
            }
        }
        return null;
    }

    /** The grade a matched age or grade means (kindergarten 0), or null. */
    static Integer grade(String original) {
        if (!original.matches("(?s).*(?:\\d|kinder|pre|elementary|grade).*")) {
            return null;
        }
        Matcher g = GRADE.matcher(original);
        if (g.find()) {
            String n = g.group(1) != null ? g.group(1) : g.group(2);
            return n != null ? Integer.valueOf(n) : g.group(3).startsWith("element") || g.group(3).startsWith("grade") ? 3 : 0;
        }
        Matcher a = AGES.matcher(original);
        if (a.find()) {
            return Math.max(0, upperAge(a) - 5);
        }
        return null;
    }

    private static int upperAge(Matcher m) {
        for (int g : new int[] {2, 4, 5, 6, 7, 8, 9}) {
            if (m.group(g) != null) {
                return Integer.parseInt(m.group(g));
            }
        }
        return 30;
    }

    private static String gradeGroup(Matcher m) {
        String n = m.group(1) != null ? m.group(1) : m.group(2);
        return n == null || Integer.parseInt(n) <= 6 ? "kids" : "teens";
    }

    private static String ageGroup(int upperAge) {
        return upperAge <= 12 ? "kids" : upperAge <= 17 ? "teens" : "adults";
    }
}
