package com.instainstru.search.query;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words around what a person wants: greetings, filler, how people ask in a chat box or to a phone,
 * and the words for lessons and teachers in the languages New Yorkers search in. None of them names a
 * service. Vague words ("whatever", "a class", "anything") are not services either: a query made only of
 * them searches every service.
 */
final class Words {

    /** Greetings and sign-offs, cut before times are read ("good morning" is not a time of day). */
    static final Pattern GREETING = Pattern.compile("(?<![\\p{L}\\p{N}])(?:good\\s+(?:morning|afternoon|evening|night|day)"
            + "(?=\\s*(?:[,!.:;]|$|everyone|all|there|folks|team))|good\\s+(?:morning|afternoon|evening)\\s*[,!.]|"
            + "^\\s*good\\s+(?:morning|afternoon|evening)(?=\\s+(?:i|we|my|looking|need|does|is|can|hi|hello))|"
            + "buenos\\s+dias|buenas\\s+(?:tardes|noches)|bonjour|bonsoir|доброе\\s+утро|добрый\\s+(?:день|вечер)|"
            + "早上好|晚上好|下午好|좋은\\s+아침)(?![\\p{L}\\p{N}])");

    /** Words that say nothing about the service. */
    static final Set<String> FILLER = Set.of(
            // asking
            "i", "im", "i'm", "id", "i'd", "ive", "i've", "ill", "i'll", "want", "wants", "wanted", "wanna", "would", "like",
            "likes", "to", "learn", "learning", "looking", "look", "for", "find", "finding", "need", "needs", "needed",
            "get", "getting", "a", "an", "the", "some", "me", "my", "our", "us", "we", "we're", "were", "in", "at", "on",
            "near", "around", "with", "who", "whom", "that", "which", "can", "could", "teach", "teaches", "teaching",
            "lesson", "lessons", "class", "classes", "session", "sessions", "course", "courses", "tutorial", "tutorials",
            "teacher", "teachers", "instructor", "instructors", "tutor", "tutors", "private", "please", "pls",
            "plz", "help", "how", "of", "best", "good", "great", "available", "book", "booking", "any", "someone",
            "somebody", "anyone", "anybody", "show", "search", "is", "are", "be", "been", "there", "what", "whats",
            "what's", "where", "when", "do", "does", "did", "you", "your", "have", "has", "offer", "offers", "offering",
            "take", "taking", "start", "starting", "by", "from", "this", "next", "coach", "coaches", "player",
            "players", "student", "students", "grader", "graders", "but", "so", "if", "it", "its", "it's",
            "he", "she", "they", "him", "her", "them", "his", "their", "hers", "also", "too", "just", "really", "very",
            "maybe", "perhaps", "possibly", "hopefully", "ideally", "preferably", "prefer", "preferred", "ok", "okay", "fine",
            "alright",
            "thanks", "thank", "thx", "ty", "cheers", "hi", "hello", "hey", "hiya", "yo", "greetings", "dear", "sir",
            "madam", "folks", "everyone", "all", "wondering", "wonder", "recommend", "recommendation", "recommendations",
            "suggest", "suggestion", "suggestions", "interested", "interest", "searching", "seeking", "hoping", "hope",
            "trying", "try", "love", "loves", "enjoy", "enjoys", "keen", "eager", "excited", "lol", "btw", "asap",
            "kind", "sort", "type", "kinda", "sorta", "thing", "able", "will", "shall", "should", "must", "might", "may",
            "come", "comes", "coming", "go", "goes", "going", "see", "meet", "know", "tell", "give", "let", "lets",
            "let's", "make", "become", "better", "improve", "improving", "practice", "practise", "work", "works",
            "working", "again", "more", "about", "into", "than", "then", "now", "soon", "one", "ones", "someplace",
            "somewhere", "place", "spot", "local", "person", "nice", "friendly", "patient", "fun", "experienced",
            "qualified", "certified", "pro", "top", "rated", "reviews", "reviewed", "cheapest", "price",
            "prices", "rate", "rates", "cost", "costs", "pay", "per", "hour", "hourly", "year", "years", "old", "age",
            "aged", "grade", "level", "levels", "quick", "quickly", "fast", "weekly", "regular", "ongoing",
            "lessons.", "am", "was", "being", "doing", "done", "things", "stuff",
            // Spanish, French, Russian, Chinese, Korean: lessons, teachers, asking
            "clase", "clases", "leccion", "lecciones", "curso", "cursos", "profesor", "profesora", "profesores", "maestro",
            "maestra", "tutora", "aprender", "quiero", "busco", "buscando", "necesito", "para", "de", "del",
            "el", "la", "los", "las", "un", "una", "unos", "unas", "mi", "mis", "en", "con", "y", "o", "que", "por",
            "hola", "gracias", "cours", "lecon", "lecons", "professeur", "prof", "profs", "apprendre", "je", "veux",
            "cherche", "besoin", "pour", "le", "les", "des", "du", "une", "mon", "ma", "mes", "et", "ou", "avec",
            "merci", "уроки", "урок", "уроков", "занятия", "занятий", "курсы", "репетитор", "репетитора", "учитель",
            "учителя", "преподаватель", "преподавателя", "тренер", "хочу", "ищу", "нужен", "нужна", "нужно", "для",
            "в", "на", "и", "или", "с", "по", "мне", "моего", "моей", "научиться", "учиться", "课", "课程", "辅导",
            "老师", "学", "学习", "上课", "家教", "教练", "我", "想", "找", "的", "和", "或", "레슨", "수업", "과외",
            "선생님", "강사", "학원", "배우기", "배우고", "싶어요", "찾아요", "원해요", "교실");

    /** Words a person uses for "any lesson at all". */
    static final Set<String> VAGUE = Set.of("whatever", "anything", "something", "stuff", "hobby", "hobbies",
            "options", "option", "ideas", "idea", "whatevers", "any", "anyone", "surprise", "something's", "fun",
            "thing", "things", "lessons", "lesson", "class", "classes", "sessions", "session", "available", "open",
            "cualquier", "cualquiera", "algo", "quelque", "chose", "n'importe", "что-нибудь", "что", "угодно",
            "什么", "都行", "아무거나", "뭐든지");

    private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15),
            Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19),
            Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50),
            Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90));
    private static final Map<String, String> ORDINALS = Map.ofEntries(Map.entry("first", "1st"), Map.entry("second", "2nd"),
            Map.entry("third", "3rd"), Map.entry("fourth", "4th"), Map.entry("fifth", "5th"), Map.entry("sixth", "6th"),
            Map.entry("seventh", "7th"), Map.entry("eighth", "8th"), Map.entry("ninth", "9th"), Map.entry("tenth", "10th"),
            Map.entry("eleventh", "11th"), Map.entry("twelfth", "12th"));
    private static final Pattern NUMBER_WORDS = Pattern.compile("(?<![\\p{L}\\p{N}'-])(twenty|thirty|forty|fifty|sixty|"
            + "seventy|eighty|ninety)(?:[\\s-](one|two|three|four|five|six|seven|eight|nine))?(?![\\p{L}\\p{N}])"
            + "|(?<![\\p{L}\\p{N}'-])(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
            + "fifteen|sixteen|seventeen|eighteen|nineteen)(?![\\p{L}\\p{N}]|-on-|\\s+on\\s+one)");
    private static final Pattern ORDINAL_GRADE = Pattern.compile("(?<![\\p{L}\\p{N}])(first|second|third|fourth|fifth|sixth|"
            + "seventh|eighth|ninth|tenth|eleventh|twelfth)(?=[\\s-]+grade)");

    private Words() {
    }

    /** Number words as digits ("nine year old", "forty dollars", "in three days"), school grades as "5th". */
    static String digits(String text) {
        Matcher ordinal = ORDINAL_GRADE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (ordinal.find()) {
            ordinal.appendReplacement(out, ORDINALS.get(ordinal.group(1)));
        }
        ordinal.appendTail(out);
        Matcher m = NUMBER_WORDS.matcher(out.toString());
        StringBuilder result = new StringBuilder();
        while (m.find()) {
            int n = m.group(1) != null ? NUMBERS.get(m.group(1)) + (m.group(2) == null ? 0 : NUMBERS.get(m.group(2)))
                    : NUMBERS.get(m.group(3));
            m.appendReplacement(result, Integer.toString(n));
        }
        m.appendTail(result);
        return result.toString();
    }
}
