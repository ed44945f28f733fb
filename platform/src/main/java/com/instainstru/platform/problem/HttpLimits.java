package com.instainstru.platform.problem;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The limits every service and the gateway answer with a problem at the HTTP layer (prefix {@code http-limits}).
 * The body's limit is Quarkus's own {@code quarkus.http.limits.max-body-size}, set once for all in the platform's
 * {@code META-INF/microprofile-config.properties}.
 */
@ConfigMapping(prefix = "http-limits")
public interface HttpLimits {

    /** The longest request line (method, path, query and version) in bytes; a longer one is a 414 problem. */
    @WithDefault("4096")
    int requestLine();

    /** The most bytes of request headers (names and values); more is a 431 problem. */
    @WithDefault("20480")
    int headers();
}
