package com.instainstru.search.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.instainstru.search.query.ParsedQuery.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The places a query names, as New Yorkers name them: the areas of the directory (boroughs and
 * neighbourhoods), their short forms and nicknames ({@code UWS}, {@code Bed-Stuy}, {@code LIC}), with or
 * without punctuation, ZIP codes, landmarks, parks and campuses (the areas around them), places outside
 * the city, and names of the whole city (which constrain nothing). Several places ("Astoria or LIC") are
 * one location with several areas. The names come from {@code areas/nyc-names.json}.
 */
final class Places {

    enum Kind { AREA, LANDMARK, OUTSIDE, CITY }

    /** A name and what it means. */
    record Place(String name, Kind kind, List<NycAreas.Area> areas, String text) {
    }

    /** Short names that are ordinary words in other languages or phrases: only taken after "in", "near"... */
    private static final Set<String> NEED_PREPOSITION = Set.of("les", "si", "ny", "dc", "sf", "bedford", "brighton",
            "the city", "clinton", "coney", "staten", "murray", "the village", "the slope");
    private static final String BEFORE = "(?<![\\p{L}\\p{N}])";
    private static final String AFTER = "(?![\\p{L}\\p{N}])";
    private static final String PLACE_WORDS = "in|near|around|at|by|from|close\\s+to|next\\s+to|off|of|over\\s+in|"
            + "out\\s+in|up\\s+in|down\\s+in|based\\s+in|living\\s+in|located\\s+in|somewhere\\s+in|anywhere\\s+in|"
            + "en|cerca\\s+de|près\\s+de|à";
    private static final String PREPOSITION = "(?:(?:" + PLACE_WORDS + ")\\s+)";
    private static final Pattern ZIP = Pattern.compile(BEFORE + "(?<![$.,])(?:(zip(?:\\s*code)?|postal\\s+code|"
            + PLACE_WORDS + ")\\s+)?(\\d{5})" + AFTER + "(?![.,]\\d)");

    private final NycAreas areas;
    private final List<Map.Entry<Place, Pattern>> names;
    /** The first word of each name, in the order of {@link #names}: a name is looked for only if a word of the text starts with it. */
    private final String[] firstWords;
    private final Map<String, List<NycAreas.Area>> zips;
    private final Map<String, String> zipBoroughs;

    Places(NycAreas areas) {
        this.areas = areas;
        JsonNode names = read();
        Map<String, Place> byName = new LinkedHashMap<>();
        for (NycAreas.Area a : areas.longestFirst()) {
            byName.put(a.label(), new Place(a.label(), Kind.AREA, List.of(a), a.label()));
        }
        names.path("aliases").fields().forEachRemaining(e -> areas.find(e.getKey()).ifPresent(a -> e.getValue()
                .forEach(alias -> byName.putIfAbsent(alias.asText(), new Place(alias.asText(), Kind.AREA, List.of(a),
                        a.label())))));
        names.path("landmarks").fields().forEachRemaining(e -> byName.putIfAbsent(e.getKey(),
                new Place(e.getKey(), Kind.LANDMARK, known(e.getValue()), e.getKey())));
        names.path("outside").forEach(n -> byName.putIfAbsent(n.asText(), new Place(n.asText(), Kind.OUTSIDE,
                List.of(), n.asText())));
        names.path("wholeCity").forEach(n -> byName.putIfAbsent(n.asText(), new Place(n.asText(), Kind.CITY,
                List.of(), n.asText())));
        List<Place> longestFirst = new ArrayList<>(byName.values());
        longestFirst.sort(Comparator.comparingInt((Place p) -> p.name().length()).reversed());
        List<Map.Entry<Place, Pattern>> patterns = new ArrayList<>();
        for (Place p : longestFirst) {
            String words = String.join("[\\s\\-.,'’/]*", p.name().split("[^\\p{L}\\p{N}]+"));
            String prefix = NEED_PREPOSITION.contains(p.name()) ? PREPOSITION : PREPOSITION + "?";
            patterns.add(Map.entry(p, Pattern.compile(BEFORE + prefix + "(?:the\\s+)?" + words + AFTER)));
        }
        this.names = List.copyOf(patterns);
        this.firstWords = patterns.stream().map(e -> e.getKey().name().split("[^\\p{L}\\p{N}]+")[0]).toArray(String[]::new);
        Map<String, List<NycAreas.Area>> zipAreas = new TreeMap<>();
        names.path("zips").fields().forEachRemaining(e -> zipAreas.put(e.getKey(), known(e.getValue())));
        this.zips = zipAreas;
        Map<String, String> prefixes = new TreeMap<>();
        names.path("zipBoroughs").fields().forEachRemaining(e -> prefixes.put(e.getKey(), e.getValue().asText()));
        this.zipBoroughs = prefixes;
    }

    private List<NycAreas.Area> known(JsonNode names) {
        List<NycAreas.Area> out = new ArrayList<>();
        names.forEach(n -> areas.find(n.asText()).ifPresent(out::add));
        return List.copyOf(out);
    }

    private static JsonNode read() {
        try (InputStream in = Places.class.getClassLoader().getResourceAsStream("areas/nyc-names.json")) {
            if (in == null) {
                throw new IllegalStateException("areas/nyc-names.json is missing from the classpath");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cuts every place the text names and returns the location they make, or null (none, or only the city). */
    Location read(Text t) {
        List<Found> found = new ArrayList<>();
        if (FIVE_DIGITS.matcher(t.value).find()) {
            readZips(t, found);
        }
        String[] words = t.value.split("[^\\p{L}\\p{N}]+");
        for (int n = 0; n < names.size(); n++) {
            if (!startsAWord(words, firstWords[n])) {
                continue;
            }
            Map.Entry<Place, Pattern> name = names.get(n);
            Matcher m = name.getValue().matcher(t.value);
            while (m.find()) {
                found.add(new Found(m.start(), name.getKey()));
                t.cutAt(m.start(), m.end());
                m = name.getValue().matcher(t.value);
            }
        }
        return location(found);
    }

    private static final Pattern FIVE_DIGITS = Pattern.compile("\\d{5}");

    private static boolean startsAWord(String[] words, String first) {
        for (String w : words) {
            if (w.startsWith(first)) {
                return true;
            }
        }
        return false;
    }

    private void readZips(Text t, List<Found> found) {
        Matcher m = ZIP.matcher(t.value);
        while (m.find()) {
            String zip = m.group(2);
            Place place = zip(zip, m.group(1) != null);
            if (place != null) {
                found.add(new Found(m.start(), place));
                t.cutAt(m.start(), m.end());
                m = ZIP.matcher(t.value);
            }
        }
    }

    /** The place a ZIP code means; a number nothing marks as a ZIP is one only if it is a New York one we know. */
    private Place zip(String zip, boolean saidToBeAPlace) {
        List<NycAreas.Area> known = zips.get(zip);
        if (known != null && !known.isEmpty()) {
            return new Place(zip, Kind.AREA, known, known.get(0).label());
        }
        String borough = zipBoroughs.get(zip.substring(0, 3));
        if (borough != null) {
            return saidToBeAPlace ? areas.find(borough).map(b -> new Place(zip, Kind.AREA, List.of(b), b.label()))
                    .orElse(null) : null;
        }
        return saidToBeAPlace ? new Place(zip, Kind.OUTSIDE, List.of(), zip) : null;
    }

    private record Found(int at, Place place) {
    }

    private static Location location(List<Found> found) {
        found.sort(Comparator.comparingInt(Found::at));
        List<Place> inCity = found.stream().map(Found::place)
                .filter(p -> p.kind() == Kind.AREA || p.kind() == Kind.LANDMARK).toList();
        if (!inCity.isEmpty()) {
            Set<String> areaNames = new LinkedHashSet<>();
            Set<String> texts = new LinkedHashSet<>();
            Set<String> boroughs = new LinkedHashSet<>();
            for (Place p : inCity) {
                texts.add(p.text());
                p.areas().forEach(a -> {
                    areaNames.add(a.name());
                    boroughs.add(a.borough());
                });
            }
            return new Location(String.join(" or ", texts), boroughs.size() == 1 ? boroughs.iterator().next() : null,
                    false, List.copyOf(areaNames), false);
        }
        return found.stream().map(Found::place).filter(p -> p.kind() == Kind.OUTSIDE).findFirst()
                .map(p -> new Location(p.text(), null, false, List.of(), true)).orElse(null);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
