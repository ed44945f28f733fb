package com.instainstru.manifests;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The rendered objects of deploy/kubernetes, as kustomize builds them. */
public final class Manifests {

    static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private final List<ObjectNode> objects;

    Manifests(List<ObjectNode> objects) {
        this.objects = List.copyOf(objects);
    }

    /** Runs {@code kustomize build dir}; a failure of kustomize is a failure of the manifests. */
    static Manifests render(Path kustomize, Path dir) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(kustomize.toString(), "build", dir.toString())
                .redirectErrorStream(false).start();
        byte[] out;
        String err;
        try (InputStream stdout = process.getInputStream(); InputStream stderr = process.getErrorStream()) {
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            Thread drain = new Thread(() -> {
                try {
                    stderr.transferTo(errors);
                } catch (IOException ignored) {
                    // the exit code says what happened
                }
            });
            drain.start();
            out = stdout.readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("kustomize build did not finish within 60 s");
            }
            drain.join();
            err = errors.toString(StandardCharsets.UTF_8);
        }
        if (process.exitValue() != 0) {
            throw new IOException("kustomize build " + dir + " failed: " + err.strip());
        }
        return parse(new String(out, StandardCharsets.UTF_8));
    }

    /** Reads a stream of YAML documents; a duplicated key is an error, as it is for the API server. */
    static Manifests parse(String yaml) throws IOException {
        List<ObjectNode> objects = new ArrayList<>();
        try (JsonParser parser = YAML.getFactory().createParser(yaml);
                MappingIterator<JsonNode> docs = YAML.readValues(parser, JsonNode.class)) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc == null || doc.isNull() || doc.isMissingNode()) {
                    continue;
                }
                if (!doc.isObject()) {
                    throw new IOException("a rendered document is not an object: " + doc);
                }
                objects.add((ObjectNode) doc);
            }
        }
        return new Manifests(objects);
    }

    List<ObjectNode> all() {
        return objects;
    }

    Stream<ObjectNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText()));
    }

    Optional<ObjectNode> find(String kind, String name) {
        return ofKind(kind).filter(o -> name.equals(name(o))).findFirst();
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    static String id(JsonNode object) {
        return object.path("kind").asText() + "/" + name(object);
    }
}
