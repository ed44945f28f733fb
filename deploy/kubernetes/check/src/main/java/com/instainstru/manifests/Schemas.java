package com.instainstru.manifests;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.kubernetes.client.openapi.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates each rendered object against the schema of its apiVersion and kind; an object whose
 * apiVersion or kind has no schema here is an error (a typo in either is caught, not skipped).
 *
 * <ul>
 * <li>Kubernetes' own kinds: the official Kubernetes 1.32 API models (io.kubernetes:client-java-api,
 * generated from the API server's OpenAPI document). The apiVersion must be served (the generated API
 * has a create call for the kind), every field must be one the OpenAPI document defines (unknown
 * fields are refused, as kubectl's strict field validation does), required fields must be present and
 * values must have their types.</li>
 * <li>The Prometheus operator's kinds (monitoring.coreos.com/v1): the fabric8 models generated from its
 * CRDs (io.fabric8:openshift-model-monitoring): types, and no field the CRD does not define.</li>
 * <li>CloudNativePG's kinds (postgresql.cnpg.io/v1): its CRDs are published on no registry reached here
 * (Debian, npm, Maven Central), so a JSON Schema of the fields this project uses, written from
 * CloudNativePG's API reference (resources schemas/postgresql.cnpg.io-v1.json), strict as above.</li>
 * </ul>
 */
final class Schemas {

    private static final String MODELS = "io.kubernetes.client.openapi.models.";
    private static final String APIS = "io.kubernetes.client.openapi.apis.";
    private static final String MONITORING = "io.fabric8.openshift.api.model.monitoring.v1.";
    private static final ObjectMapper FABRIC8 = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private final JsonNode cnpgDefinitions;
    private final JsonSchemaFactory schemaFactory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    Schemas() {
        try (InputStream in = Schemas.class.getResourceAsStream("/schemas/postgresql.cnpg.io-v1.json")) {
            cnpgDefinitions = new ObjectMapper().readTree(in).path("$defs");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the CloudNativePG schema", e);
        }
    }

    List<Finding> validate(Manifests manifests) {
        List<Finding> findings = new ArrayList<>();
        for (ObjectNode object : manifests.all()) {
            for (String problem : validate(object)) {
                findings.add(new Finding(Manifests.id(object), problem));
            }
        }
        return findings;
    }

    List<String> validate(ObjectNode object) {
        String apiVersion = object.path("apiVersion").asText("");
        String kind = object.path("kind").asText("");
        if (apiVersion.isEmpty() || kind.isEmpty()) {
            return List.of("apiVersion and kind are required");
        }
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        if (group.equals("monitoring.coreos.com") && version.equals("v1")) {
            return validateMonitoring(object, kind);
        }
        if (group.equals("postgresql.cnpg.io") && version.equals("v1")) {
            return validateCnpg(object, kind);
        }
        return validateKubernetes(object, group, version, kind);
    }

    private List<String> validateKubernetes(ObjectNode object, String group, String version, String kind) {
        String apiVersion = object.path("apiVersion").asText();
        Class<?> api;
        try {
            api = Class.forName(APIS + apiClassPrefix(group) + capitalize(version) + "Api");
        } catch (ClassNotFoundException e) {
            return List.of("apiVersion " + apiVersion + " is not served by Kubernetes 1.32 (nor is it a known custom resource)");
        }
        boolean served = Arrays.stream(api.getMethods()).map(Method::getName)
                .anyMatch(m -> m.equals("createNamespaced" + kind) || m.equals("create" + kind));
        if (!served) {
            return List.of("kind " + kind + " is not served by apiVersion " + apiVersion);
        }
        Class<?> model;
        try {
            model = Class.forName(MODELS + capitalize(version) + kind);
        } catch (ClassNotFoundException e) {
            return List.of("no model for " + apiVersion + " " + kind);
        }
        String json = object.toString();
        JsonElement tree = com.google.gson.JsonParser.parseString(json);
        try {
            model.getMethod("validateJsonElement", JsonElement.class).invoke(null, tree);
        } catch (InvocationTargetException e) {
            return List.of(shorten(e.getCause().getMessage()));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        try {
            JSON.getGson().fromJson(json, model);
        } catch (JsonParseException | IllegalArgumentException | IllegalStateException e) {
            return List.of("a value has the wrong type: " + shorten(e.getMessage()));
        }
        return List.of();
    }

    private List<String> validateMonitoring(ObjectNode object, String kind) {
        Class<?> model;
        try {
            model = Class.forName(MONITORING + kind);
        } catch (ClassNotFoundException e) {
            return List.of("kind " + kind + " is not a monitoring.coreos.com/v1 kind");
        }
        Object value;
        try {
            value = FABRIC8.treeToValue(object, model);
        } catch (IOException e) {
            return List.of("does not match the " + kind + " model: " + shorten(e.getMessage()));
        }
        List<String> unknown = new ArrayList<>();
        collectUnknownFields(value, "", unknown, new IdentityHashMap<>());
        return unknown.stream().map(f -> "field " + f + " is not defined by monitoring.coreos.com/v1 " + kind).toList();
    }

    /** fabric8's models keep fields they do not define in additionalProperties: each is an unknown field. */
    private static void collectUnknownFields(Object value, String path, List<String> unknown, Map<Object, Boolean> seen) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknownFields(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectUnknownFields(v, path + "." + k, unknown, seen));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object field;
            try {
                field = getter.invoke(value);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(k -> unknown.add((path.isEmpty() ? "" : path + ".") + k));
                }
                continue;
            }
            String name = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            collectUnknownFields(field, path.isEmpty() ? name : path + "." + name, unknown, seen);
        }
    }

    private List<String> validateCnpg(ObjectNode object, String kind) {
        if (!cnpgDefinitions.has(kind)) {
            return List.of("kind " + kind + " is not a postgresql.cnpg.io/v1 kind checked here (Cluster, Pooler, Database)");
        }
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("$defs", cnpgDefinitions);
        root.put("$ref", "#/$defs/" + kind);
        JsonSchema schema = schemaFactory.getSchema(root);
        Set<ValidationMessage> messages = schema.validate(object);
        return messages.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.toList());
    }

    /** The generated API class of a group: "" is Core, networking.k8s.io is Networking, and so on. */
    static String apiClassPrefix(String group) {
        if (group.isEmpty()) {
            return "Core";
        }
        return Arrays.stream(group.replaceFirst("\\.k8s\\.io$", "").split("\\."))
                .map(Schemas::capitalize).collect(Collectors.joining());
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /** The models' messages end with the whole object ("JSON: {...}"): keep the sentence. */
    private static String shorten(String message) {
        if (message == null) {
            return "invalid";
        }
        int json = message.indexOf(" JSON: ");
        String s = json > 0 ? message.substring(0, json) : message;
        s = s.replace(" in the JSON string", "");
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
