package com.instainstru.platform.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A trace goes on across the Redis streams: the outbox writes the trace context of the change into the event's
 * envelope ({@code traceparent}, and {@code tracestate} when there is one, as in W3C Trace Context), and the
 * consumer applies the event in a {@code CONSUMER} span whose parent is that context. So a booking made through
 * the gateway and what search and analytics did with its event are one trace. An envelope without a context (an
 * event written before this, or by a job) starts a trace of its own.
 */
@ApplicationScoped
public class EventTracing {

    /** The envelope fields that carry the trace context. */
    static final List<String> FIELDS = List.of("traceparent", "tracestate");

    private static final TextMapGetter<JsonNode> ENVELOPE = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(JsonNode envelope) {
            return FIELDS;
        }

        @Override
        public String get(JsonNode envelope, String key) {
            JsonNode value = envelope == null ? null : envelope.get(key);
            return value == null || !value.isTextual() ? null : value.asText();
        }
    };

    @Inject
    OpenTelemetry openTelemetry;

    private TextMapPropagator propagator;
    private Tracer tracer;

    @PostConstruct
    void init() {
        propagator = openTelemetry.getPropagators().getTextMapPropagator();
        tracer = openTelemetry.getTracer("com.instainstru.platform.streams");
    }

    /** Adds the current trace context (the request's, or the job's) to an envelope being written. */
    public void addContext(Map<String, Object> envelope) {
        propagator.inject(Context.current(), envelope, (carrier, key, value) -> {
            if (carrier != null && FIELDS.contains(key)) {
                carrier.put(key, value);
            }
        });
    }

    /**
     * Applies one event read from {@code stream} in a consumer span, a child of the context its envelope carries;
     * the span ends when the application does, marked as an error if it fails.
     */
    public Uni<Void> applying(String stream, JsonNode event, Supplier<Uni<Void>> apply) {
        Context parent = propagator.extract(Context.root(), event, ENVELOPE);
        Span span = tracer.spanBuilder(stream + " process").setParent(parent).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "redis")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", stream)
                .setAttribute("messaging.message.id", event.path("id").asText())
                .setAttribute("instainstru.event.type", event.path("type").asText())
                .setAttribute("instainstru.event.source", event.path("source").asText())
                .startSpan();
        Uni<Void> applied;
        try (Scope scope = span.makeCurrent()) {
            applied = apply.get();
        } catch (RuntimeException e) {
            failed(span, e);
            throw e;
        }
        return applied.onTermination().invoke((done, failure, cancelled) -> {
            if (failure != null) {
                failed(span, failure);
            } else {
                span.end();
            }
        });
    }

    private static void failed(Span span, Throwable failure) {
        span.recordException(failure);
        span.setStatus(StatusCode.ERROR, failure.toString());
        span.end();
    }
}
