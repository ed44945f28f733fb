package com.instainstru.platform.test.fuzz;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Fuzzes every operation of a running service's OpenAPI document ({@code /q/openapi?format=json}) with malformed
 * requests (see {@link Cases}) and the HTTP layer's limits (a long request line, large headers, a body over the
 * limit declared or streamed, no such path), each with a token of a role the operation lets through. Every
 * answer must be below 500, every error an RFC 9457 problem, and a request that must be refused never a 2xx.
 * Deterministic: the same seed sends the same requests.
 * <pre>
 * OpenApiFuzz.against(URI.create("http://localhost:" + port)).tokens(role -> Tokens.token(UUID.randomUUID(), role))
 *         .run().assertClean();
 * </pre>
 */
public final class OpenApiFuzz {

    private final URI base;
    private Function<String, String> tokens = role -> null;
    private String defaultRole;
    private List<String> roles = List.of("admin", "instructor", "student");
    private Predicate<Operation> include = op -> true;
    private long seed = 20260301L;
    private int casesPerOperation = 80;
    private long maxBodyBytes = 64 * 1024;

    private OpenApiFuzz(URI base) {
        this.base = base;
    }

    public static OpenApiFuzz against(URI base) {
        return new OpenApiFuzz(base);
    }

    /** A token for a role (the operation's first role, else {@link #defaultRole}); null sends none. */
    public OpenApiFuzz tokens(Function<String, String> tokens) {
        this.tokens = tokens;
        return this;
    }

    /** The role of the token sent to an operation whose document names none. */
    public OpenApiFuzz defaultRole(String role) {
        this.defaultRole = role;
        return this;
    }

    /**
     * The roles tried, in turn, for an operation whose document names none and that refuses the default role
     * (401/403): the first the operation lets through is used, so that the fuzzing reaches its validation.
     */
    public OpenApiFuzz roles(String... roles) {
        this.roles = List.of(roles);
        return this;
    }

    /** Only the operations this accepts are fuzzed (the HTTP layer's cases always run). */
    public OpenApiFuzz only(Predicate<Operation> include) {
        this.include = include;
        return this;
    }

    public OpenApiFuzz seed(long seed) {
        this.seed = seed;
        return this;
    }

    public OpenApiFuzz casesPerOperation(int cases) {
        this.casesPerOperation = cases;
        return this;
    }

    /** The body limit the service declares (quarkus.http.limits.max-body-size); the 413 cases go past it. */
    public OpenApiFuzz maxBodyBytes(long bytes) {
        this.maxBodyBytes = bytes;
        return this;
    }

    /**
     * Runs, fails on any fault, and fails when a table of the service's database changed (compared by
     * {@link TableChecksums#settled}; the tables in {@code countOnly} by their row count).
     */
    public FuzzReport runChangingNothing(Set<String> countOnly) {
        return runChangingNothing(countOnly, Set.of());
    }

    /**
     * As {@link #runChangingNothing(Set)}, except that each table in {@code logs} may gain a row for each request
     * that was accepted, and no more: search-service announces every search it answers, an odd text included.
     */
    public FuzzReport runChangingNothing(Set<String> countOnly, Set<String> logs) {
        Set<String> counted = new HashSet<>(countOnly);
        counted.addAll(logs);
        Map<String, String> before = TableChecksums.settled(counted);
        FuzzReport report = run().assertClean();
        Map<String, String> after = TableChecksums.settled(counted);
        for (String log : logs) {
            long added = Long.parseLong(after.remove(log)) - Long.parseLong(before.remove(log));
            if (added < 0 || added > report.accepted()) {
                throw new AssertionError("fuzzing added " + added + " rows to " + log + " with " + report.accepted()
                        + " requests accepted (" + report + ")");
            }
        }
        if (!after.equals(before)) {
            throw new AssertionError("fuzzing changed the database (" + report + "): before " + before + ", after " + after);
        }
        return report;
    }

    public FuzzReport run() {
        Wire wire = new Wire(base);
        FuzzReport report = new FuzzReport();
        OpenApi api = OpenApi.parse(fetchDocument(wire));
        api.errorsNotDocumentedAsProblems().forEach(report::undocumented);
        Cases cases = new Cases(api, new Random(seed));
        List<Operation> operations = api.operations().stream().filter(include).toList();
        report.operations(operations.size());
        for (Operation op : operations) {
            List<FuzzCase> malformed = cases.of(op, casesPerOperation);
            String role = malformed.isEmpty() ? null : roleLetThrough(wire, malformed.get(0));
            for (FuzzCase c : malformed) {
                report.record(c, send(wire, c, role));
            }
        }
        for (FuzzCase c : httpLayer(wire, operations, bodyLimitTargets(api.operations(), operations), cases)) {
            report.record(c, sendRaw(wire, c));
        }
        return report;
    }

    private String fetchDocument(Wire wire) {
        try {
            Answer document = wire.send(new FuzzCase("the OpenAPI document", "GET", "/q/openapi?format=json",
                    null, null, null, false, 200, null), null);
            if (document.status() != 200) {
                throw new IllegalStateException("GET /q/openapi?format=json answered " + document.status());
            }
            return document.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("no OpenAPI document at " + base, e);
        }
    }

    /** The operation's own role, else the first of the default and the others that it does not refuse. */
    private String roleLetThrough(Wire wire, FuzzCase probe) {
        if (probe.role() != null) {
            return probe.role();
        }
        List<String> candidates = new ArrayList<>();
        candidates.add(defaultRole);
        candidates.addAll(roles);
        for (String role : candidates) {
            int status = send(wire, probe, role).status();
            if (status != 401 && status != 403) {
                return role;
            }
        }
        return defaultRole;
    }

    private Answer send(Wire wire, FuzzCase c, String role) {
        try {
            return wire.send(c, tokens.apply(role));
        } catch (IOException e) {
            return new Answer(599, null, "no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The first operation taking a body among those fuzzed, and among all (the gateway's proxied routes, say). */
    private static List<Operation> bodyLimitTargets(List<Operation> all, List<Operation> fuzzed) {
        return Stream.of(fuzzed, all)
                .flatMap(ops -> ops.stream().filter(op -> op.body() != null).limit(1))
                .distinct().toList();
    }

    /**
     * The limits and malformations the HTTP layer answers before any endpoint, sent by hand. (A path that is not a
     * valid URI, {@code /%zz}, gets a bare 400 from Quarkus before any handler: it cannot be a problem.)
     */
    private List<FuzzCase> httpLayer(Wire wire, List<Operation> operations, List<Operation> writes, Cases cases) {
        List<FuzzCase> raw = new ArrayList<>();
        String path = operations.isEmpty() ? "/" : cases.uri(operations.get(0), Map.of()).replaceAll("\\?.*", "");
        raw.add(rawCase("a request line of 8 KB", "GET " + path + "?pad=" + "a".repeat(8192) + " HTTP/1.1", null, 0, 414));
        raw.add(rawCase("headers of 30 KB", "GET " + path + " HTTP/1.1\r\nX-Pad: " + "a".repeat(30 * 1024), null, 0, 431));
        raw.add(rawCase("no such path", "GET /api/v1/no-such-path-" + Long.toHexString(seed) + " HTTP/1.1", null, 0, 404));
        for (Operation write : writes) {
            String uri = cases.uri(write, Map.of());
            String token = tokens.apply(roleLetThrough(wire, cases.of(write, 1).get(0)));
            String auth = token == null ? "" : "\r\nAuthorization: Bearer " + token;
            String head = write.method() + " " + uri + " HTTP/1.1\r\nContent-Type: application/json" + auth;
            byte[] large = ("{\"pad\":\"" + "x".repeat((int) maxBodyBytes + 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
            // Declared only: the answer comes before any of the body is sent.
            raw.add(rawCase(write + ": a declared body over the limit", head + "\r\nContent-Length: " + large.length, null, 0, 413));
            raw.add(rawCase(write + ": a streamed body over the limit", head + "\r\nTransfer-Encoding: chunked", large, 8192, 413));
        }
        return raw;
    }

    /** A request sent as it is; every service must answer it with this status and an {@code http-<status>} problem. */
    private static FuzzCase rawCase(String label, String head, byte[] body, int chunk, int expect) {
        return new FuzzCase("HTTP layer: " + label, "RAW", head, chunk > 0 ? "chunked" : null,
                body == null ? new byte[0] : body, null, true, expect, "http-" + expect);
    }

    private static Answer sendRaw(Wire wire, FuzzCase c) {
        try {
            return wire.raw(c.uri(), c.body(), "chunked".equals(c.contentType()) ? 8192 : 0);
        } catch (IOException e) {
            return new Answer(599, null, "no answer: " + e);
        }
    }
}
