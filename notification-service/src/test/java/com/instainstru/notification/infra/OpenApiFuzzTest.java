package com.instainstru.notification.infra;

import com.instainstru.platform.test.Tokens;
import com.instainstru.platform.test.fuzz.OpenApiFuzzing;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;

/** Every operation of this service's OpenAPI document fuzzed with malformed requests (see OpenApiFuzzing). */
@QuarkusTest
class OpenApiFuzzTest extends OpenApiFuzzing {

    OpenApiFuzzTest() {
        super("student", role -> Tokens.token(UUID.randomUUID(), role));
    }
}
