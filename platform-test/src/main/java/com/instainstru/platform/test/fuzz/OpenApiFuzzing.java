package com.instainstru.platform.test.fuzz;

import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URI;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A service's {@code @QuarkusTest} fuzzing every operation of its own OpenAPI document with malformed requests
 * and the HTTP layer's limits, each with a token of a role it lets through (see {@link OpenApiFuzz}): never a
 * 5xx, every error a problem, nothing that must be refused accepted, and no row of its database changed.
 * A subclass gives the role tried first on an operation whose document names none, and how to sign a valid
 * token for a role (the module's {@code Tokens}).
 */
public abstract class OpenApiFuzzing {

    @TestHTTPResource("/")
    URI base;

    private final String defaultRole;
    private final Function<String, String> tokens;

    protected OpenApiFuzzing(String defaultRole, Function<String, String> tokens) {
        this.defaultRole = defaultRole;
        this.tokens = tokens;
    }

    /** The operations fuzzed (all by default). */
    protected Predicate<Operation> fuzzed() {
        return op -> true;
    }

    /** Tables compared by their row count alone: the outbox, whose relay marks rows published in the background. */
    protected Set<String> countOnly() {
        return Set.of("outbox_event");
    }

    /** Tables that may gain a row for each accepted request, and no more (none by default). */
    protected Set<String> logs() {
        return Set.of();
    }

    @Test
    void malformedRequestsAreProblemsAndChangeNothing() {
        Logger.getLogger(getClass()).infof("Fuzzed: %s", OpenApiFuzz.against(base).tokens(tokens).defaultRole(defaultRole)
                .only(fuzzed()).runChangingNothing(countOnly(), logs()));
    }
}
