package com.instainstru.search.infra;

import com.instainstru.platform.test.Tokens;
import com.instainstru.platform.test.fuzz.OpenApiFuzzing;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import java.util.UUID;

/**
 * Every operation of this service's OpenAPI document fuzzed with malformed requests (see OpenApiFuzzing). A search
 * with an odd but legitimate text is answered and, like every search, announced: the outbox may gain one event per
 * accepted request, and no other table may change.
 */
@QuarkusTest
class OpenApiFuzzTest extends OpenApiFuzzing {

    OpenApiFuzzTest() {
        super("student", role -> Tokens.token(UUID.randomUUID(), role));
    }

    @Override
    protected Set<String> logs() {
        return Set.of("outbox_event");
    }
}
