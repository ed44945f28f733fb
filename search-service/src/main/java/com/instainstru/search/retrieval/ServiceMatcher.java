package com.instainstru.search.retrieval;

import com.instainstru.search.embedding.Embedder;
import com.instainstru.search.retrieval.ServiceMatch.Category;
import com.instainstru.search.retrieval.ServiceMatch.Kind;
import com.instainstru.search.retrieval.ServiceMatch.Scored;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the catalog services a query's service text means, most certain evidence first: a service's
 * name, a category's name, a service's search term, names or terms contained in the text, a subject
 * word shared by several names, the same after correcting typos, and last the meaning (embedding
 * similarity). Several services joined by "or"/"and" are matched one by one.
 */
public final class ServiceMatcher {

    /** Similarity from which the meaning alone names one service. */
    static final double VECTOR_SERVICE = 0.72;
    /** How far ahead of the runner-up that service must be. */
    static final double VECTOR_MARGIN = 0.04;

    private static final Set<String> STOP = Set.of("a", "an", "the", "of", "for", "to", "in", "on", "with", "and",
            "lessons", "lesson", "classes", "class", "instruction", "teacher", "tutor", "training", "learn");
    /** Words that name a category rather than a service ("tutoring" is the weakest: "language tutoring" is Language). */
    private static final Map<String, String> CATEGORY_WORDS = Map.ofEntries(Map.entry("music", "music"),
            Map.entry("musical", "music"), Map.entry("instrument", "music"), Map.entry("instruments", "music"),
            Map.entry("tutoring", "tutoring"), Map.entry("academic", "tutoring"), Map.entry("academics", "tutoring"),
            Map.entry("homework", "tutoring"), Map.entry("sports", "sports-fitness"), Map.entry("sport", "sports-fitness"),
            Map.entry("fitness", "sports-fitness"), Map.entry("exercise", "sports-fitness"),
            Map.entry("workout", "sports-fitness"), Map.entry("athletics", "sports-fitness"),
            Map.entry("language", "language"), Map.entry("languages", "language"), Map.entry("art", "arts"),
            Map.entry("arts", "arts"), Map.entry("crafts", "arts"), Map.entry("creative", "arts"),
            Map.entry("kids", "kids"), Map.entry("gems", "hidden-gems"));

    /** Everyday words that are one letter away from a catalog word but are not its typo ("play" is not "clay"). */
    private static final Set<String> COMMON = Set.of("play", "plays", "playing", "keys", "help", "helps", "want", "need",
            "like", "love", "good", "best", "find", "more", "some", "easy", "fast", "teach", "coach", "from", "near",
            "with", "this", "that", "next", "time", "game", "games", "make", "take", "read", "home", "work", "well",
            "able", "fine", "nice", "cool", "real", "live", "team", "year", "years", "week", "days", "hour", "hours");

    private final List<CatalogEntry> services;
    /** Each service's words, computed once: matching runs on every search. */
    private final Map<CatalogEntry, Words> words = new java.util.IdentityHashMap<>();
    private final Map<String, Category> categories;
    private final Nearest defaultNearest;
    /** Words of service names, then words of search terms: typos are corrected towards names first. */
    private final Set<String> nameWords = new HashSet<>();
    private final Set<String> termWords = new HashSet<>();
    /** Terms written in scripts without spaces, per service. */
    private final Map<CatalogEntry, List<String>> unspacedTerms = new LinkedHashMap<>();

    /**
     * The services' nearest neighbours by meaning: the catalog services closest to a text, best first
     * (at least the two best). The service compares the read model's stored embeddings in memory;
     * {@link #inMemory} embeds the services itself (for tests of the rules).
     */
    @FunctionalInterface
    public interface Nearest {
        List<Scored> nearest(String text);
    }

    /** A matcher that compares meanings in memory, embedding every service once with {@code embedder}. */
    public static ServiceMatcher inMemory(List<CatalogEntry> services, Embedder embedder) {
        Map<CatalogEntry, float[]> vectors = new LinkedHashMap<>();
        services.forEach(s -> vectors.put(s, embedder.embed(s.embeddingText())));
        return new ServiceMatcher(services, text -> {
            float[] query = embedder.embed(text);
            return vectors.entrySet().stream().map(e -> new Scored(e.getKey(), Embedder.cosine(query, e.getValue())))
                    .sorted(Comparator.comparingDouble(Scored::score).reversed()).limit(2).toList();
        });
    }

    public ServiceMatcher(List<CatalogEntry> services, Nearest nearest) {
        this.services = List.copyOf(services);
        this.defaultNearest = nearest;
        this.categories = new LinkedHashMap<>();
        for (CatalogEntry s : services) {
            categories.putIfAbsent(s.categorySlug(), new Category(s.categorySlug(), s.categoryName()));
            Words w = new Words(tokens(s.name()), s.slug().replace('-', ' '),
                    s.searchTerms().stream().map(ServiceMatcher::tokens).filter(t -> !t.isEmpty()).toList());
            words.put(s, w);
            nameWords.addAll(w.name());
            w.terms().forEach(termWords::addAll);
            List<String> cjk = s.searchTerms().stream().map(t -> fold(t).replaceAll("\\s+", "")).filter(ServiceMatcher::unspaced)
                    .filter(t -> t.codePointCount(0, t.length()) >= 2).toList();
            if (!cjk.isEmpty()) {
                unspacedTerms.put(s, cjk);
            }
        }
    }

    /** A service's name words, slug as words, and each search term's words. */
    private record Words(List<String> name, String slug, List<List<String>> terms) {
        String nameKey() {
            return String.join(" ", name);
        }
    }

    public List<CatalogEntry> services() {
        return services;
    }

    /**
     * The texts whose meaning {@link #match(String, Nearest)} may need (where the words alone do not
     * decide), so that their neighbours can be looked up beforehand, e.g. in one database round trip.
     */
    public Set<String> textsNeedingMeaning(String serviceText) {
        Set<String> texts = new LinkedHashSet<>();
        match(serviceText, text -> {
            texts.add(text);
            return List.of();
        });
        return texts;
    }

    /** Registers categories that have no services yet (they can still be asked for by name). */
    public ServiceMatcher withCategories(Map<String, String> slugToName) {
        slugToName.forEach((slug, name) -> categories.putIfAbsent(slug, new Category(slug, name)));
        return this;
    }

    public ServiceMatch match(String serviceText) {
        return match(serviceText, defaultNearest);
    }

    /** Classifies the service text, asking {@code nearest} for the meaning when the words do not decide. */
    public ServiceMatch match(String serviceText, Nearest nearest) {
        String text = serviceText == null ? "" : serviceText.toLowerCase(Locale.ROOT).strip();
        if (tokens(text).isEmpty()) {
            return text.replaceAll("[\\p{L}\\p{N}]", "").equals(text) && !text.isBlank() ? ServiceMatch.none()
                    : ServiceMatch.all();
        }
        String[] parts = text.split("\\s*(?:,|\\bor\\b|\\band\\b|&|/)\\s*");
        if (parts.length > 1) {
            List<ServiceMatch> each = Arrays.stream(parts).filter(p -> !tokens(p).isEmpty()).map(p -> single(p, nearest)).toList();
            if (each.size() > 1 && each.stream().allMatch(m -> m.kind() == Kind.SERVICE || m.kind() == Kind.SERVICES)) {
                return several(each.stream().flatMap(m -> m.services().stream()).toList());
            }
        }
        return single(text, nearest);
    }

    private ServiceMatch single(String text, Nearest nearest) {
        ServiceMatch exact = lexical(tokens(text));
        if (exact != null) {
            return exact;
        }
        List<String> corrected = tokens(text).stream().map(this::correct).toList();
        if (!corrected.equals(tokens(text))) {
            ServiceMatch fixed = lexical(corrected);
            if (fixed != null) {
                return fixed;
            }
        }
        return byMeaning(String.join(" ", tokens(text)), nearest);
    }

    /** The lexical rules, most certain first; null when none applies. */
    private ServiceMatch lexical(List<String> query) {
        String key = String.join(" ", query);
        ServiceMatch written = unspacedTerms(key);
        if (written != null) {
            return written;
        }
        Set<String> words = new LinkedHashSet<>(query);
        List<CatalogEntry> byName = services.stream().filter(s -> {
            Words w = this.words.get(s);
            return w.nameKey().equals(key) || w.slug().equals(key) || w.nameKey().equals(singular(key));
        }).toList();
        if (!byName.isEmpty()) {
            return one(byName.get(0), 1.0);
        }
        if (query.size() == 1 && CATEGORY_WORDS.containsKey(key)) {
            return category(CATEGORY_WORDS.get(key));
        }
        List<String> keyWords = query;
        List<String> singularWords = tokens(singular(key));
        List<CatalogEntry> byTerm = services.stream().filter(s -> this.words.get(s).terms().stream()
                .anyMatch(t -> t.equals(keyWords) || t.equals(singularWords))).toList();
        if (!byTerm.isEmpty()) {
            return byTerm.size() == 1 ? one(byTerm.get(0), 0.95) : several(scored(byTerm, 0.9));
        }
        List<CatalogEntry> contained = longest(services.stream()
                .filter(s -> contains(words, this.words.get(s).name())).toList(), s -> this.words.get(s).name().size());
        if (!contained.isEmpty()) {
            return contained.size() == 1 ? one(contained.get(0), 0.9) : several(scored(contained, 0.85));
        }
        List<CatalogEntry> termContained = longest(services.stream().filter(s -> this.words.get(s).terms().stream()
                .anyMatch(t -> contains(words, t))).toList(), s -> this.words.get(s).terms().stream()
                .filter(t -> contains(words, t)).mapToInt(List::size).max().orElse(0));
        if (!termContained.isEmpty()) {
            return termContained.size() == 1 ? one(termContained.get(0), 0.85) : several(scored(termContained, 0.8));
        }
        Set<String> subjects = words.stream().filter(w -> w.length() >= 3 && !CATEGORY_WORDS.containsKey(w))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        List<CatalogEntry> sharing = dominantCategory(services.stream()
                .filter(s -> this.words.get(s).name().stream().anyMatch(subjects::contains)).toList());
        if (!sharing.isEmpty()) {
            return sharing.size() == 1 ? one(sharing.get(0), 0.8) : several(scored(sharing, 0.75));
        }
        return words.stream().filter(CATEGORY_WORDS::containsKey).map(CATEGORY_WORDS::get)
                .sorted(Comparator.comparing(slug -> slug.equals("tutoring") ? 1 : 0)).findFirst()
                .map(this::category).orElse(null);
    }

    /**
     * Chinese, Japanese and Korean are written without spaces between words ("学钢琴", "钢琴课"): a service
     * whose name or term in such a script appears anywhere in the text is meant (the longest such term wins).
     */
    private ServiceMatch unspacedTerms(String text) {
        if (!unspaced(text)) {
            return null;
        }
        int longest = 0;
        List<CatalogEntry> found = new ArrayList<>();
        for (Map.Entry<CatalogEntry, List<String>> e : unspacedTerms.entrySet()) {
            for (String term : e.getValue()) {
                if (text.contains(term) && term.length() >= longest) {
                    if (term.length() > longest) {
                        found.clear();
                        longest = term.length();
                    }
                    found.add(e.getKey());
                }
            }
        }
        return found.isEmpty() ? null : found.size() == 1 ? one(found.get(0), 0.9) : several(scored(found, 0.85));
    }

    /**
     * A subject named by several services is taken in the category most of them share ("dance" means the
     * dance styles of Arts, not Sports' dance fitness), when one category holds more than half of them.
     */
    static List<CatalogEntry> dominantCategory(List<CatalogEntry> entries) {
        Map<String, Long> counts = entries.stream().collect(Collectors.groupingBy(CatalogEntry::categorySlug,
                Collectors.counting()));
        return counts.entrySet().stream().filter(e -> e.getValue() * 2 > entries.size()).findFirst()
                .map(e -> entries.stream().filter(s -> s.categorySlug().equals(e.getKey())).toList())
                .orElse(entries);
    }

    private ServiceMatch byMeaning(String text, Nearest nearest) {
        List<Scored> ranked = nearest.nearest(text);
        if (!ranked.isEmpty() && ranked.get(0).score() >= VECTOR_SERVICE
                && (ranked.size() < 2 || ranked.get(0).score() - ranked.get(1).score() >= VECTOR_MARGIN)) {
            return new ServiceMatch(Kind.SERVICE, categoryOf(ranked.get(0).service()), List.of(ranked.get(0)));
        }
        return ServiceMatch.none();
    }

    /**
     * A token of four letters or more, corrected to the catalog word one (or, from nine letters, two)
     * edits away: a word of a service's name if one is that close, else a word of a search term.
     */
    private String correct(String token) {
        if (token.length() < 4 || nameWords.contains(token) || termWords.contains(token) || COMMON.contains(token)) {
            return token;
        }
        // One edit; two only for long words: "driving" is a word, not a typo of "drawing".
        int allowed = token.length() >= 9 ? 2 : 1;
        String fromNames = closest(token, nameWords, allowed);
        return fromNames != null ? fromNames : java.util.Objects.requireNonNullElse(closest(token, termWords, allowed), token);
    }

    private static String closest(String token, Set<String> words, int allowed) {
        String best = null;
        int bestDistance = allowed + 1;
        for (String word : words) {
            if (Math.abs(word.length() - token.length()) <= allowed) {
                int d = Edits.distance(token, word, allowed);
                if (d < bestDistance || d == bestDistance && best != null && word.compareTo(best) < 0) {
                    best = word;
                    bestDistance = d;
                }
            }
        }
        return bestDistance <= allowed ? best : null;
    }

    private ServiceMatch one(CatalogEntry service, double score) {
        return new ServiceMatch(Kind.SERVICE, categoryOf(service), List.of(new Scored(service, score)));
    }

    private ServiceMatch several(List<Scored> scored) {
        Map<CatalogEntry, Scored> distinct = new LinkedHashMap<>();
        scored.forEach(s -> distinct.putIfAbsent(s.service(), s));
        Set<String> cats = distinct.keySet().stream().map(CatalogEntry::categorySlug).collect(Collectors.toSet());
        Category category = cats.size() == 1 ? categories.get(cats.iterator().next()) : null;
        return new ServiceMatch(distinct.size() == 1 ? Kind.SERVICE : Kind.SERVICES, category,
                new ArrayList<>(distinct.values()));
    }

    private ServiceMatch category(String slug) {
        Category category = categories.get(slug);
        if (category == null) {
            return ServiceMatch.none();
        }
        return new ServiceMatch(Kind.CATEGORY, category, services.stream().filter(s -> s.categorySlug().equals(slug))
                .map(s -> new Scored(s, 0.7)).toList());
    }

    private Category categoryOf(CatalogEntry s) {
        return categories.get(s.categorySlug());
    }

    private static List<Scored> scored(List<CatalogEntry> entries, double score) {
        return entries.stream().map(e -> new Scored(e, score)).toList();
    }

    private static List<CatalogEntry> longest(List<CatalogEntry> entries, java.util.function.ToIntFunction<CatalogEntry> size) {
        int max = entries.stream().mapToInt(size).max().orElse(0);
        return entries.stream().filter(e -> size.applyAsInt(e) == max).toList();
    }

    private static boolean contains(Set<String> words, List<String> needed) {
        return !needed.isEmpty() && words.containsAll(needed);
    }

    private static String singular(String key) {
        return key.endsWith("s") && key.length() > 3 ? key.substring(0, key.length() - 1) : key + "s";
    }

    static String key(String text) {
        return String.join(" ", tokens(text));
    }

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (String t : fold(text).replace("&", " and ").split("[^\\p{L}\\p{N}]+")) {
            if (!t.isEmpty() && !STOP.contains(t)) {
                out.add(stem(t));
            }
        }
        return out;
    }

    /** Lower case, accents of Latin letters dropped ("matemáticas" is "matematicas"); other scripts as they are. */
    static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.chars().allMatch(c -> c < 0x80)) {
            return lower;
        }
        return java.text.Normalizer.normalize(java.text.Normalizer.normalize(lower, java.text.Normalizer.Form.NFD)
                .replaceAll("(?<=[a-z])\\p{M}+", ""), java.text.Normalizer.Form.NFC);
    }

    private static final List<String> RUSSIAN_ENDINGS = List.of("иями", "ями", "ами", "ого", "его", "ому", "ему", "ыми",
            "ими", "ой", "ей", "ий", "ый", "ая", "яя", "ое", "ее", "ом", "ем", "ам", "ям", "ах", "ях", "ов", "ев", "ию",
            "ия", "ие", "ии", "ью", "а", "я", "ы", "и", "е", "у", "ю", "о", "ь");

    /** Russian words declined ("гитары", "гитаре", "гитару") are compared by their stem ("гитар"). */
    static String stem(String token) {
        char first = token.charAt(0);
        if (first < 0x0400 || first > 0x04FF || token.length() < 5) {
            return token;
        }
        for (String ending : RUSSIAN_ENDINGS) {
            if (token.endsWith(ending) && token.length() - ending.length() >= 3) {
                return token.substring(0, token.length() - ending.length());
            }
        }
        return token;
    }

    /** Whether the text is written in a script without spaces between words (Chinese, Japanese, Korean). */
    static boolean unspaced(String term) {
        return term.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA);
    }
}
