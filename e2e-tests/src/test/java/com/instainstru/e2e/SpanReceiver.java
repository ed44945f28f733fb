package com.instainstru.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

/**
 * A tiny OTLP/HTTP receiver: what the services' OpenTelemetry exporters send to {@code POST /v1/traces}
 * ({@code application/x-protobuf}, an ExportTraceServiceRequest) is decoded here by hand, just the fields the tests
 * read (the service's name, each span's trace and span ids, parent, name and kind), and kept in memory.
 */
final class SpanReceiver {

    /** A span as exported: its service ({@code service.name}), ids in hex (parent empty for a root), name and kind. */
    record Span(String service, String traceId, String spanId, String parentSpanId, String name, Kind kind) {
    }

    /** OTLP's SpanKind, in its order. */
    enum Kind { UNSPECIFIED, INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER }

    private static final SpanReceiver SHARED = new SpanReceiver();

    private final Queue<Span> spans = new ConcurrentLinkedQueue<>();
    private HttpServer server;

    static SpanReceiver shared() {
        return SHARED;
    }

    /** Where the exporters send (OTEL_EXPORTER_OTLP_ENDPOINT); started on first use, on a free loopback port. */
    synchronized String url() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException("the OTLP receiver cannot listen", e);
            }
            server.createContext("/v1/traces", this::receive);
            server.setExecutor(Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, "otlp-receiver");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
        }
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every span received so far of the trace. */
    List<Span> trace(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            int status = 200;
            if (!"POST".equals(exchange.getRequestMethod())) {
                status = 405;
            } else {
                try {
                    spans.addAll(decode(body));
                } catch (RuntimeException malformed) {
                    status = 400;
                }
            }
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(status, -1); // an empty ExportTraceServiceResponse: all accepted
        } finally {
            exchange.close();
        }
    }

    /** ExportTraceServiceRequest: 1 resource_spans. */
    static List<Span> decode(byte[] request) {
        List<Span> out = new ArrayList<>();
        for (Field resourceSpans : Field.all(request)) {
            if (resourceSpans.number == 1) {
                out.addAll(resourceSpans(resourceSpans.bytes));
            }
        }
        return out;
    }

    /** ResourceSpans: 1 resource (1 attributes: KeyValue 1 key, 2 AnyValue 1 string_value), 2 scope_spans (2 spans). */
    private static List<Span> resourceSpans(byte[] message) {
        String service = "";
        List<byte[]> spans = new ArrayList<>();
        for (Field field : Field.all(message)) {
            if (field.number == 1) {
                for (Field attribute : Field.all(field.bytes)) {
                    if (attribute.number == 1 && "service.name".equals(stringOf(attribute.bytes, 1))) {
                        Field value = Field.first(attribute.bytes, 2);
                        service = value == null ? "" : stringOf(value.bytes, 1);
                    }
                }
            } else if (field.number == 2) {
                for (Field span : Field.all(field.bytes)) {
                    if (span.number == 2) {
                        spans.add(span.bytes);
                    }
                }
            }
        }
        List<Span> out = new ArrayList<>();
        for (byte[] span : spans) {
            out.add(span(service, span));
        }
        return out;
    }

    /** Span: 1 trace_id, 2 span_id, 4 parent_span_id, 5 name, 6 kind. */
    private static Span span(String service, byte[] message) {
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        Kind kind = Kind.UNSPECIFIED;
        for (Field field : Field.all(message)) {
            switch (field.number) {
                case 1 -> traceId = HexFormat.of().formatHex(field.bytes);
                case 2 -> spanId = HexFormat.of().formatHex(field.bytes);
                case 4 -> parent = HexFormat.of().formatHex(field.bytes);
                case 5 -> name = new String(field.bytes, StandardCharsets.UTF_8);
                case 6 -> kind = Kind.values()[(int) field.varint];
                default -> {
                }
            }
        }
        return new Span(service, traceId, spanId, parent, name, kind);
    }

    private static String stringOf(byte[] message, int number) {
        Field field = Field.first(message, number);
        return field == null || field.bytes == null ? null : new String(field.bytes, StandardCharsets.UTF_8);
    }

    /** One field of a protobuf message: its number and either its varint or its bytes (length-delimited). */
    private record Field(int number, long varint, byte[] bytes) {

        static Field first(byte[] message, int number) {
            return all(message).stream().filter(f -> f.number == number).findFirst().orElse(null);
        }

        static List<Field> all(byte[] message) {
            List<Field> fields = new ArrayList<>();
            int[] at = {0};
            while (at[0] < message.length) {
                long key = varint(message, at);
                int number = (int) (key >>> 3);
                switch ((int) (key & 7)) {
                    case 0 -> fields.add(new Field(number, varint(message, at), null));
                    case 1 -> at[0] += 8;
                    case 2 -> {
                        int length = (int) varint(message, at);
                        byte[] bytes = new byte[length];
                        System.arraycopy(message, at[0], bytes, 0, length);
                        at[0] += length;
                        fields.add(new Field(number, 0, bytes));
                    }
                    case 5 -> at[0] += 4;
                    default -> throw new IllegalArgumentException("wire type " + (key & 7) + " at " + at[0]);
                }
            }
            return fields;
        }

        private static long varint(byte[] message, int[] at) {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = message[at[0]++];
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("varint too long");
        }
    }
}
