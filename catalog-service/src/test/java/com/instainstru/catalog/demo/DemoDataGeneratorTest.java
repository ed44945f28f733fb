package com.instainstru.catalog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.instainstru.catalog.demo.DemoDataGenerator.DemoInstructor;
import com.instainstru.catalog.demo.DemoDataGenerator.DemoOffering;
import com.instainstru.catalog.demo.DemoDataGenerator.ServiceInfo;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DemoDataGeneratorTest {

    private static final List<ServiceInfo> SERVICES = List.of(
            new ServiceInfo(UUID.randomUUID(), "piano", "Piano", "music", 1, true),
            new ServiceInfo(UUID.randomUUID(), "guitar", "Guitar", "music", 3, true),
            new ServiceInfo(UUID.randomUUID(), "swimming", "Swimming", "sports-fitness", 1, false),
            new ServiceInfo(UUID.randomUUID(), "spanish", "Spanish", "language", 1, true),
            new ServiceInfo(UUID.randomUUID(), "sat-prep", "SAT Prep", "tutoring", 1, true));
    private static final Map<String, List<String>> AREAS = Map.of("Manhattan", List.of("Harlem", "Chelsea"),
            "Brooklyn", List.of("Park Slope"), "Queens", List.of("Astoria"), "Bronx", List.of(),
            "Staten Island", List.of("St. George"));

    @Test
    void theSameSeedGivesTheSameInstructorsWhateverTheBatch() {
        List<DemoInstructor> whole = new DemoDataGenerator(SERVICES, AREAS, 42).instructors(0, 50);
        List<DemoInstructor> tail = new DemoDataGenerator(SERVICES, AREAS, 42).instructors(25, 50);
        assertThat(whole.subList(25, 50)).isEqualTo(tail);
        assertThat(new DemoDataGenerator(SERVICES, AREAS, 43).instructors(0, 50)).isNotEqualTo(whole);
    }

    @Test
    void instructorsAreVariedAndIdsUnique() {
        List<DemoInstructor> many = new DemoDataGenerator(SERVICES, AREAS, 7).instructors(0, 500);
        Set<UUID> ids = new HashSet<>();
        many.forEach(i -> ids.add(i.id()));
        assertThat(ids).hasSize(500);
        assertThat(many.stream().map(DemoInstructor::name).distinct().count()).isGreaterThan(300);
        assertThat(many).anyMatch(DemoInstructor::teachesOnline).anyMatch(i -> !i.teachesOnline());
        assertThat(many.stream().flatMap(i -> i.offerings().stream()).map(DemoOffering::hourlyRate).distinct().count())
                .isGreaterThan(10);
    }

    @Property(tries = 200)
    void everyGeneratedOfferingObeysTheOfferingRules(@ForAll @IntRange(min = 0, max = 100_000) int index,
            @ForAll @IntRange(min = 1, max = 1000) int seed) {
        DemoInstructor instructor = new DemoDataGenerator(SERVICES, AREAS, seed).instructor(index);
        assertThat(instructor.name()).isNotBlank().hasSizeLessThanOrEqualTo(120);
        assertThat(instructor.areas()).isNotEmpty();
        assertThat(instructor.offerings()).isNotEmpty();
        Set<UUID> services = new HashSet<>();
        for (DemoOffering o : instructor.offerings()) {
            assertThat(services.add(o.serviceId())).as("a service is offered once").isTrue();
            assertThat(o.hourlyRate()).isBetween(BigDecimal.TEN, BigDecimal.valueOf(1000));
            assertThat(o.durationOptions()).isNotEmpty().doesNotHaveDuplicates()
                    .allMatch(d -> d >= 30 && d <= 240 && d % 15 == 0);
            assertThat(o.levels()).isNotEmpty().isSubsetOf("beginner", "intermediate", "advanced");
            assertThat(o.ageGroups()).isNotEmpty().isSubsetOf("kids", "teens", "adults");
            assertThat(o.locationTypes()).isNotEmpty().isSubsetOf("online", "studio", "student_home");
            boolean onlineCapable = SERVICES.stream().filter(s -> s.id().equals(o.serviceId())).findFirst()
                    .orElseThrow().onlineCapable();
            if (!onlineCapable) {
                assertThat(o.locationTypes()).doesNotContain("online");
            }
        }
    }
}
