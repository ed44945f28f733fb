package com.instainstru.search.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** New York City's boroughs and neighbourhoods (the same directory instructors choose their areas from). */
public final class NycAreas {

    /**
     * An area: its key (lower-case words, as instructors' areas are stored), the borough it lies in, and
     * its name in lower case as the directory writes it ("hell's kitchen", "bedford-stuyvesant").
     */
    public record Area(String name, String borough, String label) {

        public Area(String name, String borough) {
            this(name, borough, name);
        }
    }

    private final List<Area> longestFirst;
    private final Map<String, Area> byName;

    public NycAreas(Map<String, List<String>> neighbourhoodsByBorough) {
        Map<String, Area> areas = new LinkedHashMap<>();
        neighbourhoodsByBorough.forEach((borough, hoods) -> {
            String b = key(borough);
            areas.put(b, new Area(b, b, borough.toLowerCase(Locale.ROOT)));
            hoods.forEach(h -> areas.putIfAbsent(key(h), new Area(key(h), b, h.toLowerCase(Locale.ROOT))));
        });
        List<Area> sorted = new ArrayList<>(areas.values());
        sorted.sort(Comparator.comparingInt((Area a) -> a.name().length()).reversed());
        this.longestFirst = List.copyOf(sorted);
        this.byName = Map.copyOf(areas);
    }

    /** The area a name means ("Park Slope", "park-slope", "Brooklyn"), if it is one we know. */
    public java.util.Optional<Area> find(String name) {
        return java.util.Optional.ofNullable(name == null ? null : byName.get(key(name)));
    }

    /** Reads {@code areas/nyc.json} from the classpath. */
    public static NycAreas load() {
        try (InputStream in = NycAreas.class.getClassLoader().getResourceAsStream("areas/nyc.json")) {
            if (in == null) {
                throw new IllegalStateException("areas/nyc.json is missing from the classpath");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, List<String>> byBorough = new LinkedHashMap<>();
            for (JsonNode borough : root.get("boroughs")) {
                List<String> hoods = new ArrayList<>();
                borough.get("neighbourhoods").forEach(n -> hoods.add(n.asText()));
                byBorough.put(borough.get("name").asText(), hoods);
            }
            return new NycAreas(byBorough);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every area, longest name first (so "upper west side" wins over any shorter name inside it). */
    public List<Area> longestFirst() {
        return longestFirst;
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replace("'", "").replaceAll("[^a-z0-9]+", " ").strip();
    }
}
