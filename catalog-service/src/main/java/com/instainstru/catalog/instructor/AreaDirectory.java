package com.instainstru.catalog.instructor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.instainstru.platform.problem.ApiException;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The service areas instructors may name: the five NYC boroughs and their neighbourhoods. Areas
 * are stored by their canonical name, so search can match "park slope" and "Brooklyn" alike.
 */
@Startup
@ApplicationScoped
public class AreaDirectory {

    public record Borough(String name, List<String> neighbourhoods) {
    }

    record Areas(List<Borough> boroughs) {
    }

    @Inject
    ObjectMapper json;

    private List<Borough> boroughs;
    private final Map<String, String> canonical = new HashMap<>();

    @PostConstruct
    void load() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("areas/nyc.json")) {
            boroughs = json.readValue(in, Areas.class).boroughs();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Borough b : boroughs) {
            canonical.put(key(b.name()), b.name());
            b.neighbourhoods().forEach(n -> canonical.put(key(n), n));
        }
    }

    public List<Borough> boroughs() {
        return boroughs;
    }

    public Optional<String> canonicalName(String area) {
        return Optional.ofNullable(canonical.get(key(area)));
    }

    /** The canonical names of the given areas, without repeats; an unknown area is a 400 naming it. */
    public List<String> canonicalise(List<String> areas) {
        if (areas == null) {
            return List.of();
        }
        Set<String> result = new LinkedHashSet<>();
        for (int i = 0; i < areas.size(); i++) {
            String area = areas.get(i);
            int index = i;
            result.add(canonicalName(area).orElseThrow(() -> ApiException.invalid("areas[" + index + "]",
                    "'" + area + "' is not a New York City borough or neighbourhood we know")));
        }
        return new ArrayList<>(result);
    }

    private static String key(String area) {
        return area == null ? "" : area.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }
}
