package com.instainstru.gateway.infra;

import com.instainstru.gateway.routing.RouteTable;
import com.instainstru.platform.test.Tokens;
import com.instainstru.platform.test.fuzz.OpenApiFuzzing;
import com.instainstru.platform.test.fuzz.Operation;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The gateway's own operations (identity, the homepage) fuzzed with malformed requests, and the HTTP layer's
 * limits on its own routes and its proxy (a body over the limit every service shares is refused before any
 * service is asked); see OpenApiFuzzing. The proxied routes' answers are each service's own fuzz test: no
 * service runs here.
 */
@QuarkusTest
class OpenApiFuzzTest extends OpenApiFuzzing {

    OpenApiFuzzTest() {
        super("student", role -> Tokens.token(UUID.randomUUID(), role));
    }

    @Override
    protected Predicate<Operation> fuzzed() {
        return op -> RouteTable.prefixes().stream().noneMatch(op.path()::startsWith);
    }

    @Override
    protected Set<String> countOnly() {
        return Set.of();
    }
}
