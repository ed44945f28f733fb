package com.instainstru.search.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.instainstru.platform.problem.ApiException;
import com.instainstru.platform.web.QueryParams;
import com.instainstru.search.embedding.EmbeddingService;
import com.instainstru.search.infra.SearchConfig;
import com.instainstru.search.query.NycAreas;
import com.instainstru.search.query.ParsedQuery;
import com.instainstru.search.query.QueryParser;
import com.instainstru.search.readmodel.CatalogSnapshot;
import com.instainstru.search.readmodel.OfferingIndex;
import com.instainstru.search.retrieval.CatalogEntry;
import com.instainstru.search.retrieval.ServiceMatch;
import com.instainstru.search.retrieval.ServiceMatch.Kind;
import com.instainstru.search.retrieval.ServiceMatch.Scored;
import com.instainstru.search.retrieval.ServiceMatcher;
import com.instainstru.search.search.Filters.Constraint;
import com.instainstru.search.search.SearchResponse.Match;
import com.instainstru.search.search.SearchResponse.Result;
import com.instainstru.search.search.SearchResponse.Timings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The search pipeline: parse the constraints, find the services the rest of the words mean
 * (lexically, then by meaning: the services' stored embeddings, in memory), select and rank the offerings that meet every
 * constraint over the in-memory offering index, and when none does, give constraints up one at a time.
 * Answers to the same query are reused for a few seconds.
 */
@ApplicationScoped
public class SearchService {

    @Inject
    CatalogSnapshot catalog;

    @Inject
    OfferingIndex index;

    @Inject
    EmbeddingService embeddings;

    @Inject
    SearchEvents events;

    @Inject
    SearchConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    SearchStages stages;

    @Inject
    Clock clock;

    /** How many bookable start times each result carries. */
    static final int NEXT_STARTS = 3;
    /** How many services by meaning the matcher looks at. */
    private static final int NEIGHBOURS = 2;

    private static final NycAreas AREAS = NycAreas.load();
    private final QueryParser parser = new QueryParser(AREAS);
    private Cache<String, Answer> answers;
    private Timer searchTimer;

    @PostConstruct
    void init() {
        answers = Caffeine.newBuilder().maximumSize(config.results().cacheSize())
                .expireAfterWrite(config.results().cacheTtl()).build();
        searchTimer = registry.timer("search.latency");
    }

    /** Everything of an answer except what is per request (its id and timings). */
    record Answer(ParsedQuery parsed, Match match, List<Result> results, long total, List<String> relaxed,
            String nextCursor, double parseMs, double embedMs, double retrieveMs, double filterMs) {
    }

    public Uni<SearchResponse> search(String rawQuery, String rawLimit, String cursor, UUID userId) {
        long start = System.nanoTime();
        String query = validQuery(rawQuery);
        int limit = QueryParams.intIn("limit", rawLimit, config.results().defaultLimit(), 1,
                config.results().maxLimit());
        Cursor page = Cursor.parse(cursor);
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(AskedTime.NEW_YORK);
        String key = query.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ") + '|' + limit + '|' + page + '|'
                + now.toLocalDate();
        Answer cached = answers.getIfPresent(key);
        Uni<Answer> answer = cached != null ? Uni.createFrom().item(cached)
                : compute(query, limit, page, now).invoke(a -> answers.put(key, a));
        return answer.map(a -> {
            double total = ms(System.nanoTime() - start);
            UUID searchId = UUID.randomUUID();
            searchTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            stages.record(cached != null, a.parseMs(), a.embedMs(), a.retrieveMs(), a.filterMs());
            events.performed(performed(searchId, query, a, total, userId));
            return new SearchResponse(query, searchId, a.parsed(), a.match(), a.results(), a.total(), a.relaxed(),
                    a.nextCursor(), cached != null ? new Timings(0, 0, 0, 0, total, true)
                            : new Timings(a.parseMs(), a.embedMs(), a.retrieveMs(), a.filterMs(), total, false));
        });
    }

    private String validQuery(String q) {
        if (q == null || q.isBlank()) {
            throw ApiException.invalid("q", "is required: say what you are looking for, e.g. piano lessons under $50");
        }
        if (q.length() > config.results().maxQueryLength()) {
            throw ApiException.invalid("q", "must be at most " + config.results().maxQueryLength() + " characters");
        }
        // NUL and other control characters carry no meaning (and PostgreSQL text cannot hold NUL).
        return q.replaceAll("\\p{Cntrl}", " ").strip();
    }

    private Uni<Answer> compute(String query, int limit, Cursor page, ZonedDateTime now) {
        long t0 = System.nanoTime();
        ParsedQuery parsed = parser.parse(query, now);
        long t1 = System.nanoTime();
        CatalogSnapshot.Snapshot snapshot = catalog.current();
        // Meanings are compared in memory. A text never embedded before needs the model: then the match is
        // made again on a worker thread (never on the event loop), embedding what it needs as it goes.
        List<String> unknown = new ArrayList<>();
        ServiceMatch known = matchKids(snapshot, parsed, text -> {
            float[] vector = embeddings.cached(text);
            if (vector == null) {
                unknown.add(text);
                return List.of();
            }
            return snapshot.nearest(vector, NEIGHBOURS);
        });
        Uni<Matched> matched = unknown.isEmpty() ? Uni.createFrom().item(new Matched(known, 0))
                : Uni.createFrom().item(() -> {
                    long[] embedNanos = {0};
                    ServiceMatch match = matchKids(snapshot, parsed, text -> {
                        long e0 = System.nanoTime();
                        float[] vector = embeddings.embed(text);
                        embedNanos[0] += System.nanoTime() - e0;
                        return snapshot.nearest(vector, NEIGHBOURS);
                    });
                    return new Matched(match, embedNanos[0]);
                }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return matched.flatMap(m -> {
            long t2 = System.nanoTime();
            double embedMs = ms(m.embedNanos());
            double retrieveMs = Math.max(0, ms(t2 - t1) - embedMs);
            return select(parsed, m.match(), now, limit, page).map(selected -> new Answer(parsed,
                    matchView(m.match()), selected.results(), selected.total(), selected.relaxed(),
                    selected.total() > page.offset() + limit
                            ? new Cursor(page.offset() + limit, selected.relaxed()).encode() : null,
                    ms(t1 - t0), embedMs, retrieveMs, ms(System.nanoTime() - t2)));
        });
    }

    private record Matched(ServiceMatch match, long embedNanos) {
    }

    /** The services the query's words or meaning name; "activities for kids" (no subject) names the Kids category. */
    private static ServiceMatch matchKids(CatalogSnapshot.Snapshot snapshot, ParsedQuery parsed, ServiceMatcher.Nearest nearest) {
        ServiceMatch match = snapshot.matcher().match(parsed.serviceText(), nearest);
        if (match.kind() == Kind.NONE && "kids".equals(parsed.ageGroup())) {
            ServiceMatch kids = snapshot.matcher().match("kids", text -> List.of());
            return kids.kind() == Kind.CATEGORY ? kids : match;
        }
        return match;
    }

    record Selected(List<Result> results, long total, List<String> relaxed) {
    }

    private Uni<Selected> select(ParsedQuery q, ServiceMatch match, ZonedDateTime now, int limit, Cursor page) {
        if (match.kind() == Kind.NONE || match.kind() != Kind.ALL && match.services().isEmpty()) {
            return Uni.createFrom().item(new Selected(List.of(), 0, List.of()));
        }
        Filters filters = filters(q, match, now);
        if (page.offset() > 0) {
            // A later page: the same constraints as the first, given up as that page's answer gave them up.
            Filters same = filters;
            for (Constraint c : Constraint.values()) {
                same = page.relaxed().contains(c.label) ? same.without(c) : same;
            }
            List<String> relaxed = page.relaxed();
            return run(same, limit, page.offset()).map(s -> new Selected(s.results(), s.total(), relaxed));
        }
        return run(filters, limit, 0).flatMap(found -> found.total() > 0 ? Uni.createFrom().item(found)
                : relax(filters, limit));
    }

    /**
     * Nothing met every constraint: give them up in order — the lesson's length first, the asked day and
     * time last, so that a time is never given up while someone is free then — each alone first, then
     * together with those before it, until something is found. Which set finds something is read from
     * one pass over the offerings ({@link OfferingSearch#failures}); only that answer is then ranked.
     */
    private Uni<Selected> relax(Filters filters, int limit) {
        List<Constraint> given = java.util.Arrays.stream(Constraint.values()).filter(filters::has).toList();
        int[] failures = search().failures(filters, clock.millis());
        int upTo = 0;
        for (Constraint c : given) {
            upTo |= OfferingSearch.bit(c);
            for (int set : new int[] {OfferingSearch.bit(c), upTo}) {
                if (meetsAllBut(failures, set)) {
                    Filters relaxed = filters;
                    List<String> labels = new ArrayList<>();
                    for (Constraint d : given) {
                        if ((set & OfferingSearch.bit(d)) != 0) {
                            relaxed = relaxed.without(d);
                            labels.add(d.label);
                        }
                    }
                    return run(relaxed, limit, 0).map(s -> new Selected(s.results(), s.total(), labels));
                }
            }
        }
        return Uni.createFrom().item(new Selected(List.of(), 0, List.of()));
    }

    /** Whether some offering fails no constraint outside {@code set}. */
    private static boolean meetsAllBut(int[] failures, int set) {
        for (int mask = 0; mask < failures.length; mask++) {
            if (failures[mask] > 0 && (mask & ~set) == 0) {
                return true;
            }
        }
        return false;
    }

    private OfferingSearch search() {
        CatalogSnapshot.Snapshot snapshot = catalog.current();
        return new OfferingSearch(index, snapshot.byId(), snapshot.popularity());
    }

    private Uni<Selected> run(Filters filters, int limit, int offset) {
        CatalogSnapshot.Snapshot snapshot = catalog.current();
        long now = clock.millis();
        OfferingSearch.Page page = search().find(filters, now, limit, offset);
        List<Result> results = new ArrayList<>(page.hits().size());
        for (OfferingSearch.Hit h : page.hits()) {
            OfferingIndex.Offering o = h.offering();
            CatalogEntry service = snapshot.byId().get(o.serviceId());
            List<OffsetDateTime> starts = new ArrayList<>(NEXT_STARTS);
            for (long start : OfferingSearch.nextStarts(filters, h, now, NEXT_STARTS)) {
                starts.add(OffsetDateTime.ofInstant(Instant.ofEpochMilli(start), AskedTime.NEW_YORK));
            }
            results.add(new Result(o.instructorId(), h.instructor().name(), o.id(), o.serviceId(), service.name(),
                    service.categoryName(), o.hourlyRate().setScale(2, RoundingMode.HALF_UP), o.durations(),
                    o.locationTypes(), h.instructor().areaNames(), o.offersOnline(),
                    starts.isEmpty() ? null : starts.get(0), starts, Math.round(h.score() * 10_000) / 10_000.0));
        }
        return Uni.createFrom().item(new Selected(results, page.total(), List.of()));
    }

    static Filters filters(ParsedQuery q, ServiceMatch match, ZonedDateTime now) {
        Map<UUID, Double> services = null;
        if (match.kind() != Kind.ALL) {
            services = new LinkedHashMap<>();
            for (Scored s : match.services()) {
                services.merge(s.service().id(), s.score(), Math::max);
            }
        }
        String ageGroup = "high_school".equals(q.ageGroup()) ? "teens" : q.ageGroup();
        return new Filters(services, q.minPrice(), q.maxPrice(), q.durationMinutes(), q.level(), ageGroup,
                areas(q.location()), q.online(), q.locationType(), AskedTime.of(q, now), "low".equals(q.budget()));
    }

    /** The areas asked (null: none; empty: only places outside New York, where nobody teaches). */
    static List<NycAreas.Area> areas(ParsedQuery.Location where) {
        if (where == null || where.nearMe()) {
            return null;
        }
        return where.areas().stream().map(AREAS::find).flatMap(java.util.Optional::stream).toList();
    }

    private static Match matchView(ServiceMatch m) {
        return new Match(m.kind().name().toLowerCase(Locale.ROOT),
                m.category() == null ? null : new SearchResponse.Category(m.category().slug(), m.category().name()),
                m.services().stream().map(s -> new SearchResponse.MatchedService(s.service().id(), s.service().slug(),
                        s.service().name(), s.service().categoryName(), Math.round(s.score() * 1000) / 1000.0)).toList());
    }

    private static Map<String, Object> performed(UUID searchId, String query, Answer a, double latencyMs, UUID userId) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("searchId", searchId);
        p.put("query", query);
        p.put("parsed", a.parsed());
        p.put("matchKind", a.match().kind());
        p.put("serviceIds", a.match().services().stream().map(SearchResponse.MatchedService::id).toList());
        p.put("resultCount", a.total());
        p.put("latencyMs", latencyMs);
        p.put("relaxed", a.relaxed());
        p.put("userId", userId);
        return p;
    }

    /**
     * Where a page starts, and the constraints the first page gave up (a later page gives up the same):
     * opaque to clients, {@code o:<offset>[;r:<label>,...]} in base64url.
     */
    record Cursor(int offset, List<String> relaxed) {

        static final Cursor FIRST = new Cursor(0, List.of());
        private static final Set<String> LABELS = java.util.Arrays.stream(Constraint.values()).map(c -> c.label)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());

        String encode() {
            String text = "o:" + offset + (relaxed.isEmpty() ? "" : ";r:" + String.join(",", relaxed));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return FIRST;
            }
            try {
                String decoded = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
                String[] parts = decoded.split(";", -1);
                if (!parts[0].startsWith("o:") || parts.length > 2) {
                    throw new IllegalArgumentException(decoded);
                }
                int offset = Integer.parseInt(parts[0].substring(2));
                List<String> relaxed = parts.length == 2 && parts[1].startsWith("r:")
                        ? List.of(parts[1].substring(2).split(",")) : List.of();
                if (offset < 0 || offset > 10_000 || parts.length == 2 && relaxed.isEmpty()
                        || !LABELS.containsAll(relaxed)) {
                    throw new IllegalArgumentException(decoded);
                }
                return new Cursor(offset, relaxed);
            } catch (RuntimeException e) {
                throw ApiException.invalid("cursor", "is not a cursor this search returned (use nextCursor as given)");
            }
        }

        @Override
        public String toString() {
            return offset + ":" + relaxed;
        }
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }
}
