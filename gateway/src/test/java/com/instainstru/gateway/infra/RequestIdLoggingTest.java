package com.instainstru.gateway.infra;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.instainstru.gateway.routing.ProxyRoutes;
import com.instainstru.platform.logging.RequestIds;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/**
 * A log line written while a request is handled carries the request's id ({@code requestId} in the logging
 * context, {@code mdc.requestId} in the JSON logs) and its trace id ({@code traceId}): here the proxy's warning that catalog-service did not
 * answer (the tests' catalog URL leads nowhere), for a caller's own X-Request-Id and for one the gateway made.
 */
@QuarkusTest
class RequestIdLoggingTest {

    @Test
    void theProxysWarningCarriesTheRequestId() {
        List<String[]> seen = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord ext) {
                    seen.add(new String[] {ext.getFormattedMessage(), ext.getMdc(RequestIds.MDC_KEY), ext.getMdc("traceId")});
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(ProxyRoutes.class.getName());
        logger.addHandler(handler);
        try {
            given().header(RequestIds.HEADER, "rid-logging-test-1").get("/api/v1/catalog/categories").then()
                    .statusCode(503).header(RequestIds.HEADER, "rid-logging-test-1");
            await().atMost(Duration.ofSeconds(5)).until(() -> seen.stream().anyMatch(s -> "rid-logging-test-1".equals(s[1])));

            String made = given().get("/api/v1/catalog/services").then().statusCode(503).extract().header(RequestIds.HEADER);
            assertThat(made).matches("[0-9a-f-]{36}");
            await().atMost(Duration.ofSeconds(5)).until(() -> seen.stream().anyMatch(s -> made.equals(s[1])));
            assertThat(seen).allSatisfy(s -> assertThat(s[1]).as("every proxy warning has a request id: %s", s[0]).isNotBlank());
            // ... and the trace id (OpenTelemetry's, recorded or not), a different one per request.
            assertThat(seen).allSatisfy(s -> assertThat(s[2]).as("every proxy warning has a trace id: %s", s[0])
                    .matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32)));
            assertThat(seen.stream().map(s -> s[2]).distinct().count()).isEqualTo(seen.stream().map(s -> s[1]).distinct().count());
        } finally {
            logger.removeHandler(handler);
        }
    }
}
