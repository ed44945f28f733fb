package com.instainstru.gateway.web.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.instainstru.gateway.web.WebConfig;
import com.instainstru.gateway.web.client.CatalogViews.Catalog;
import com.instainstru.gateway.web.client.CatalogViews.Instructor;
import io.smallrye.mutiny.Uni;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the pages' shared reads keep and for how long: answers only (a refusal or an outage is asked again), an
 * instructor for the TTL, the catalog served while one read refreshes it, and never when too old.
 */
class SharedReadsTest {

    private static final Duration TTL = Duration.ofSeconds(5);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    /** The reads the services were asked for, in order, each answered when the test completes it. */
    private final List<String> asked = new ArrayList<>();
    private final List<CompletableFuture<Part<?>>> answers = new ArrayList<>();
    private SharedReads reads;

    @BeforeEach
    void setUp() {
        reads = new SharedReads();
        reads.web = (WebConfig) Proxy.newProxyInstance(WebConfig.class.getClassLoader(), new Class<?>[] {WebConfig.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("sharedReadsTtl")) {
                        return TTL;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        reads.services = new PageServices() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> Uni<Part<T>> readShared(String service, String uri, Class<T> type, String what) {
                CompletableFuture<Part<?>> answer = new CompletableFuture<>();
                asked.add(uri);
                answers.add(answer);
                return Uni.createFrom().completionStage(answer).map(part -> (Part<T>) part);
            }
        };
        reads.nanos = now::get;
        reads.init();
    }

    @Test
    void anInstructorIsKeptForTheTtlThenAskedAgain() {
        UUID id = UUID.randomUUID();
        Uni<Part<Instructor>> first = reads.instructor(id);
        answer(Part.of(instructor(id, "Ada")));
        assertThat(name(first)).isEqualTo("Ada");
        later(TTL.minusMillis(1));
        assertThat(name(reads.instructor(id))).isEqualTo("Ada");
        assertThat(asked).hasSize(1);

        later(Duration.ofMillis(2));
        Uni<Part<Instructor>> again = reads.instructor(id);
        answer(Part.of(instructor(id, "Ada Park")));
        assertThat(name(again)).as("read again once the TTL is over").isEqualTo("Ada Park");
        assertThat(asked).containsExactly("/api/v1/instructors/" + id, "/api/v1/instructors/" + id);
    }

    @Test
    void visitorsAskingAtOnceShareOneRead() {
        UUID id = UUID.randomUUID();
        Uni<Part<Instructor>> one = reads.instructor(id);
        Uni<Part<Instructor>> two = reads.instructor(id);
        answer(Part.of(instructor(id, "Ada")));
        assertThat(name(one)).isEqualTo("Ada");
        assertThat(name(two)).isEqualTo("Ada");
        assertThat(asked).hasSize(1);
    }

    @Test
    void aRefusalOrAnOutageIsNotKept() {
        UUID id = UUID.randomUUID();
        Uni<Part<Instructor>> refused = reads.instructor(id);
        answer(Part.refused(404, "no such instructor"));
        assertThat(refused.await().atMost(Duration.ofSeconds(1)).status()).isEqualTo(404);
        Uni<Part<Instructor>> unavailable = reads.instructor(id);
        answer(Part.unavailable("the instructor's profile"));
        assertThat(unavailable.await().atMost(Duration.ofSeconds(1)).unavailable()).isTrue();
        Uni<Part<Instructor>> found = reads.instructor(id);
        answer(Part.of(instructor(id, "Ada")));
        assertThat(name(found)).isEqualTo("Ada");
        assertThat(name(reads.instructor(id))).isEqualTo("Ada");
        assertThat(asked).as("asked until it answered, then kept").hasSize(3);
    }

    @Test
    void theCatalogIsServedWhileOneReadRefreshesIt() {
        Uni<Part<Catalog>> first = reads.catalog();
        answer(Part.of(catalog(250)));
        assertThat(count(first)).isEqualTo(250);
        later(TTL.minusMillis(1));
        assertThat(count(reads.catalog())).isEqualTo(250);
        assertThat(asked).hasSize(1);

        later(Duration.ofMillis(1));
        // Past its TTL: every visitor gets the kept catalog at once while one read refreshes it.
        assertThat(count(reads.catalog())).isEqualTo(250);
        assertThat(count(reads.catalog())).isEqualTo(250);
        assertThat(asked).hasSize(2);
        answer(Part.of(catalog(251)));
        assertThat(count(reads.catalog())).isEqualTo(251);
        assertThat(asked).hasSize(2);
    }

    @Test
    void anOutageKeepsTheLastCatalogForFourTtlsThenSaysItIsMissing() {
        Uni<Part<Catalog>> first = reads.catalog();
        answer(Part.unavailable("the list of lessons"));
        assertThat(first.await().atMost(Duration.ofSeconds(1)).unavailable()).as("nothing read yet").isTrue();
        Uni<Part<Catalog>> second = reads.catalog();
        answer(Part.of(catalog(250)));
        assertThat(count(second)).isEqualTo(250);

        later(TTL);
        assertThat(count(reads.catalog())).isEqualTo(250);
        answer(Part.unavailable("the list of lessons"));
        later(TTL.multipliedBy(3).minusMillis(1));
        assertThat(count(reads.catalog())).as("an outage keeps the last catalog").isEqualTo(250);
        answer(Part.unavailable("the list of lessons"));

        later(Duration.ofMillis(1));
        Uni<Part<Catalog>> tooOld = reads.catalog();
        answer(Part.unavailable("the list of lessons"));
        assertThat(tooOld.await().atMost(Duration.ofSeconds(1)).unavailable()).as("four TTLs old: not shown").isTrue();
        assertThat(asked).hasSize(5);
    }

    /** Answers the last read asked. */
    private void answer(Part<?> part) {
        answers.get(answers.size() - 1).complete(part);
    }

    private void later(Duration d) {
        now.addAndGet(d.toNanos());
    }

    private static String name(Uni<Part<Instructor>> part) {
        return part.await().atMost(Duration.ofSeconds(1)).value().name();
    }

    private static int count(Uni<Part<Catalog>> part) {
        return part.await().atMost(Duration.ofSeconds(1)).value().serviceCount();
    }

    private static Instructor instructor(UUID id, String name) {
        return new Instructor(id, name, null, 3, "America/New_York", List.of(), true, false, false, "active", List.of());
    }

    private static Catalog catalog(int services) {
        return new Catalog(List.of(), services, 10);
    }
}
