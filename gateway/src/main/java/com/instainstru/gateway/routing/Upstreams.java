package com.instainstru.gateway.routing;

import com.instainstru.gateway.infra.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The services behind the gateway, from configuration, and the one HTTP client (connection pools) they share. */
@ApplicationScoped
public class Upstreams {

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig config;

    private HttpClient client;
    private final Map<String, Upstream> byName = new HashMap<>();

    @PostConstruct
    void init() {
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true)
                        .setKeepAliveTimeout(30),
                new PoolOptions().setHttp1MaxSize(64).setMaxWaitQueueSize(1024));
        Upstream.BreakerSettings breaker = new Upstream.BreakerSettings(config.breaker().requestVolume(),
                config.breaker().failureRatio(), config.breaker().delay());
        config.services().forEach((name, service) -> byName.put(name,
                new Upstream(name, service.urls(), service.timeout(), service.connectTimeout(), breaker)));
        for (Route route : RouteTable.routes()) {
            if (!byName.containsKey(route.service())) {
                throw new IllegalStateException("route " + route.id() + " goes to " + route.service()
                        + ", which has no gateway.services." + route.service() + ".urls");
            }
        }
    }

    @PreDestroy
    void close() {
        client.close();
    }

    public HttpClient client() {
        return client;
    }

    public Upstream get(String name) {
        Upstream upstream = byName.get(name);
        if (upstream == null) {
            throw new IllegalArgumentException("no service " + name);
        }
        return upstream;
    }

    /** The timeout of a route: its own (gateway.route-timeouts.&lt;id&gt;) or its service's. */
    public Duration timeout(Route route) {
        Duration own = config.routeTimeouts().get(route.id());
        return own != null ? own : get(route.service()).timeout();
    }
}
