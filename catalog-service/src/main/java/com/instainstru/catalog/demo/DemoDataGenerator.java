package com.instainstru.catalog.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Deterministic demo instructors: the same seed and index always give the same instructor (so
 * re-running creates nothing new), with realistic names, bios, NYC areas, rates by category,
 * lesson lengths, levels and an online/in-person mix. Pure: no I/O.
 */
public final class DemoDataGenerator {

    /** A catalog service as the generator needs it. */
    public record ServiceInfo(UUID id, String slug, String name, String category, int displayOrder,
            boolean onlineCapable) {
    }

    public record DemoOffering(UUID id, UUID serviceId, BigDecimal hourlyRate, List<Integer> durationOptions,
            List<String> levels, List<String> ageGroups, List<String> locationTypes, String description) {
    }

    public record DemoInstructor(UUID id, String name, String bio, int yearsExperience, List<String> areas,
            boolean teachesOnline, boolean teachesAtStudio, boolean travelsToStudents, List<DemoOffering> offerings) {
    }

    private static final String[] FIRST = {"Ada", "Ben", "Carmen", "Dev", "Elena", "Farid", "Grace", "Hiro", "Imani",
        "Jonah", "Keiko", "Luis", "Maya", "Noah", "Olivia", "Priya", "Quinn", "Rosa", "Samir", "Tanya", "Uma", "Victor",
        "Wen", "Ximena", "Yusuf", "Zoe", "Aaron", "Bianca", "Caleb", "Daniela", "Ethan", "Fatima", "Gabriel", "Hannah",
        "Isaac", "Julia", "Kofi", "Leah", "Marcus", "Nadia", "Omar", "Paloma", "Rafael", "Sofia", "Theo", "Valentina",
        "Will", "Yara", "Andre", "Chloe", "Diego", "Esther", "Felix", "Gita", "Hector", "Ines", "Jamal", "Lena"};
    private static final String[] LAST = {"Park", "Nguyen", "Rivera", "Cohen", "Okafor", "Rossi", "Kim", "Patel",
        "Garcia", "Schwartz", "Haddad", "Chen", "Williams", "Johnson", "Brown", "Martinez", "Lopez", "Singh", "Ali",
        "Murphy", "O'Brien", "Kowalski", "Ivanova", "Tanaka", "Yamamoto", "Silva", "Santos", "Baptiste", "Mensah",
        "Goldberg", "Friedman", "Moreau", "Dubois", "Novak", "Horvat", "Larsen", "Berg", "Costa", "Romero", "Reyes",
        "Adeyemi", "Levy", "Shapiro", "Hughes", "Walsh", "Byrne", "Choi", "Lim", "Wong", "Ortiz", "Vargas", "Fischer"};
    private static final String[] STYLE = {"patient and structured", "playful and encouraging", "goal-oriented",
        "relaxed but rigorous", "creative and hands-on", "warm and detail-minded"};
    private static final String[] BACKGROUND = {"trained at a New York conservatory", "a former public-school teacher",
        "a working professional in the field", "a graduate of Columbia", "a competition judge",
        "a lifelong New Yorker who has taught for years", "certified and insured"};
    private static final Map<String, Integer> CATEGORY_WEIGHT = Map.of("music", 26, "tutoring", 24, "language", 14,
            "sports-fitness", 14, "arts", 11, "hidden-gems", 9, "kids", 2);
    private static final Map<String, int[]> RATE_RANGE = Map.of("music", new int[] {40, 120}, "tutoring",
            new int[] {35, 150}, "language", new int[] {30, 95}, "sports-fitness", new int[] {40, 140}, "arts",
            new int[] {35, 110}, "hidden-gems", new int[] {30, 130}, "kids", new int[] {30, 80});
    private static final String[][] BOROUGH_WEIGHT = {{"Manhattan", "40"}, {"Brooklyn", "30"}, {"Queens", "15"},
        {"Bronx", "8"}, {"Staten Island", "7"}};
    private static final String[] LEVELS = {"beginner", "intermediate", "advanced"};
    private static final String[] AGES = {"kids", "teens", "adults"};

    private final List<ServiceInfo> services;
    private final Map<String, List<String>> neighbourhoods;
    private final long seed;

    /** {@code neighbourhoods}: borough name → its neighbourhoods (canonical names). */
    public DemoDataGenerator(List<ServiceInfo> services, Map<String, List<String>> neighbourhoods, long seed) {
        this.services = List.copyOf(services);
        this.neighbourhoods = neighbourhoods;
        this.seed = seed;
    }

    public static UUID instructorId(long seed, int index) {
        return UUID.nameUUIDFromBytes(("demo-instructor:" + seed + ":" + index).getBytes(StandardCharsets.UTF_8));
    }

    public List<DemoInstructor> instructors(int from, int to) {
        List<DemoInstructor> result = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            result.add(instructor(i));
        }
        return result;
    }

    /** Instructor number {@code index}: a function of (seed, index) only. */
    public DemoInstructor instructor(int index) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        UUID id = instructorId(seed, index);
        String name = pick(random, FIRST) + " " + pick(random, LAST);
        int years = 1 + random.nextInt(25);
        boolean online = random.nextInt(100) < 60;
        boolean studio = random.nextInt(100) < 45;
        boolean travel = random.nextInt(100) < 55 || (!online && !studio);
        List<String> areas = areas(random);
        List<ServiceInfo> taught = servicesFor(random);
        List<DemoOffering> offerings = new ArrayList<>();
        for (ServiceInfo service : taught) {
            offerings.add(offering(random, id, service, online, studio, travel));
        }
        String bio = name.split(" ")[0] + " is " + pick(random, BACKGROUND) + " with " + years + " year"
                + (years == 1 ? "" : "s") + " of teaching " + taught.get(0).name().toLowerCase() + ". Lessons are "
                + pick(random, STYLE) + ", tailored to each student's goals.";
        return new DemoInstructor(id, name, bio, years, areas, online, studio, travel, offerings);
    }

    private List<ServiceInfo> servicesFor(SplittableRandom random) {
        String category = weightedCategory(random);
        Set<ServiceInfo> chosen = new LinkedHashSet<>();
        int count = 1 + random.nextInt(3);
        for (int attempt = 0; chosen.size() < count && attempt < 10; attempt++) {
            ServiceInfo service = popularService(random, category);
            if (service != null) {
                chosen.add(service);
            }
        }
        if (random.nextInt(100) < 20) {
            ServiceInfo other = popularService(random, weightedCategory(random));
            if (other != null) {
                chosen.add(other);
            }
        }
        if (chosen.isEmpty()) {
            chosen.add(services.get(random.nextInt(services.size())));
        }
        return new ArrayList<>(chosen);
    }

    private String weightedCategory(SplittableRandom random) {
        int total = CATEGORY_WEIGHT.values().stream().mapToInt(Integer::intValue).sum();
        int roll = random.nextInt(total);
        for (String category : CATEGORY_WEIGHT.keySet().stream().sorted().toList()) {
            roll -= CATEGORY_WEIGHT.get(category);
            if (roll < 0) {
                return category;
            }
        }
        return "music";
    }

    /** Earlier services of a category (by display order) are taught more often, as in life. */
    private ServiceInfo popularService(SplittableRandom random, String category) {
        List<ServiceInfo> inCategory = services.stream().filter(s -> s.category().equals(category)).toList();
        if (inCategory.isEmpty()) {
            return null;
        }
        double total = 0;
        for (ServiceInfo s : inCategory) {
            total += weight(s);
        }
        double roll = random.nextDouble() * total;
        for (ServiceInfo s : inCategory) {
            roll -= weight(s);
            if (roll < 0) {
                return s;
            }
        }
        return inCategory.get(inCategory.size() - 1);
    }

    private static double weight(ServiceInfo s) {
        return 1.0 / Math.pow(Math.max(1, s.displayOrder()), 0.9);
    }

    private DemoOffering offering(SplittableRandom random, UUID instructorId, ServiceInfo service, boolean online,
            boolean studio, boolean travel) {
        int[] range = RATE_RANGE.getOrDefault(service.category(), new int[] {30, 120});
        int rate = (range[0] + random.nextInt(range[1] - range[0] + 1)) / 5 * 5;
        List<Integer> durations = switch (random.nextInt(5)) {
            case 0 -> List.of(30, 60);
            case 1 -> List.of(45, 60, 90);
            case 2 -> List.of(60);
            case 3 -> List.of(30, 45, 60);
            default -> List.of(60, 90);
        };
        List<String> locations = new ArrayList<>();
        if (online && service.onlineCapable()) {
            locations.add("online");
        }
        if (studio) {
            locations.add("studio");
        }
        if (travel || locations.isEmpty()) {
            locations.add("student_home");
        }
        UUID offeringId = UUID.nameUUIDFromBytes(("demo-offering:" + instructorId + ":" + service.slug())
                .getBytes(StandardCharsets.UTF_8));
        List<String> levels = subset(random, LEVELS);
        return new DemoOffering(offeringId, service.id(), BigDecimal.valueOf(rate).setScale(2), durations, levels,
                subset(random, AGES), locations, service.name() + " lessons for " + String.join(", ", levels)
                        + " students.");
    }

    /** A non-empty subset, in vocabulary order; usually all of it. */
    private static List<String> subset(SplittableRandom random, String[] values) {
        if (random.nextInt(100) < 45) {
            return List.of(values);
        }
        List<String> chosen = new ArrayList<>();
        for (String v : values) {
            if (random.nextBoolean()) {
                chosen.add(v);
            }
        }
        return chosen.isEmpty() ? List.of(values[random.nextInt(values.length)]) : chosen;
    }

    private List<String> areas(SplittableRandom random) {
        int roll = random.nextInt(100);
        String borough = "Manhattan";
        for (String[] bw : BOROUGH_WEIGHT) {
            roll -= Integer.parseInt(bw[1]);
            if (roll < 0) {
                borough = bw[0];
                break;
            }
        }
        List<String> hoods = neighbourhoods.getOrDefault(borough, List.of());
        if (hoods.isEmpty() || random.nextInt(100) < 30) {
            return List.of(borough);
        }
        Set<String> chosen = new LinkedHashSet<>();
        int count = 1 + random.nextInt(3);
        while (chosen.size() < Math.min(count, hoods.size())) {
            chosen.add(hoods.get(random.nextInt(hoods.size())));
        }
        return new ArrayList<>(chosen);
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
