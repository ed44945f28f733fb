package com.instainstru.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The project's rules for its manifests, beyond what the schemas say (deploy/kubernetes/README.md). */
final class Rules {

    /** Volume types the "restricted" Pod Security Standard allows. */
    private static final Set<String> RESTRICTED_VOLUMES = Set.of("name", "configMap", "secret", "emptyDir",
            "persistentVolumeClaim", "projected", "downwardAPI", "csi", "ephemeral");
    /** The margin between the preStop pause plus Quarkus's shutdown timeout and the kill. */
    static final int SHUTDOWN_MARGIN_SECONDS = 5;

    private final Manifests m;
    private final Build build;
    private final List<Finding> findings = new ArrayList<>();

    private Rules(Manifests manifests, Build build) {
        this.m = manifests;
        this.build = build;
    }

    static List<Finding> check(Manifests manifests, Build build) {
        Rules rules = new Rules(manifests, build);
        rules.workloads();
        rules.autoscaling();
        rules.disruptionBudgets();
        rules.networkPolicies();
        rules.ingress();
        rules.redis();
        return rules.findings;
    }

    private void fail(JsonNode object, String problem) {
        findings.add(new Finding(Manifests.id(object), problem));
    }

    // --- Deployments and StatefulSets ----------------------------------------------------------

    private void workloads() {
        m.ofKind("Deployment").forEach(d -> {
            workload(d);
            deploymentOnly(d);
        });
        m.ofKind("StatefulSet").forEach(this::workload);
    }

    private void workload(ObjectNode w) {
        JsonNode pod = w.path("spec").path("template").path("spec");
        JsonNode podSc = pod.path("securityContext");
        for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
            if (pod.path(host).asBoolean(false)) {
                fail(w, host + " is not allowed (restricted security context)");
            }
        }
        for (JsonNode volume : pod.path("volumes")) {
            volume.fieldNames().forEachRemaining(f -> {
                if (!RESTRICTED_VOLUMES.contains(f)) {
                    fail(w, "volume " + volume.path("name").asText() + " of type " + f + " is not allowed (restricted)");
                }
            });
        }
        List<JsonNode> containers = new ArrayList<>();
        pod.path("initContainers").forEach(containers::add);
        int inits = containers.size();
        pod.path("containers").forEach(containers::add);
        if (containers.size() == inits) {
            fail(w, "has no containers");
        }
        for (int i = 0; i < containers.size(); i++) {
            JsonNode c = containers.get(i);
            String cname = "container " + c.path("name").asText();
            JsonNode sc = c.path("securityContext");
            JsonNode nonRoot = sc.has("runAsNonRoot") ? sc.path("runAsNonRoot") : podSc.path("runAsNonRoot");
            if (!nonRoot.asBoolean(false)) {
                fail(w, cname + " must run as non-root (runAsNonRoot: true)");
            }
            if (sc.path("runAsUser").asInt(-1) == 0 || podSc.path("runAsUser").asInt(-1) == 0) {
                fail(w, cname + " runs as user 0");
            }
            String seccomp = sc.path("seccompProfile").path("type").asText(podSc.path("seccompProfile").path("type").asText(""));
            if (!seccomp.equals("RuntimeDefault") && !seccomp.equals("Localhost")) {
                fail(w, cname + " needs seccompProfile RuntimeDefault (restricted security context)");
            }
            if (sc.path("allowPrivilegeEscalation").asBoolean(true)) {
                fail(w, cname + " must set allowPrivilegeEscalation: false");
            }
            if (sc.path("privileged").asBoolean(false)) {
                fail(w, cname + " must not be privileged");
            }
            if (!sc.path("readOnlyRootFilesystem").asBoolean(false)) {
                fail(w, cname + " must have a read-only root filesystem");
            }
            boolean dropsAll = false;
            for (JsonNode cap : sc.path("capabilities").path("drop")) {
                dropsAll |= cap.asText().equals("ALL");
            }
            if (!dropsAll) {
                fail(w, cname + " must drop ALL capabilities");
            }
            for (JsonNode cap : sc.path("capabilities").path("add")) {
                if (!cap.asText().equals("NET_BIND_SERVICE")) {
                    fail(w, cname + " adds capability " + cap.asText() + " (restricted allows NET_BIND_SERVICE only)");
                }
            }
            if (i < inits) {
                continue; // init containers run to completion: no probes
            }
            for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                if (!c.has(probe)) {
                    fail(w, cname + " has no " + probe);
                }
            }
            JsonNode resources = c.path("resources");
            for (String need : List.of("requests.cpu", "requests.memory", "limits.memory")) {
                String[] parts = need.split("\\.");
                if (resources.path(parts[0]).path(parts[1]).isMissingNode()) {
                    fail(w, cname + " has no resources." + need);
                }
            }
        }
    }

    private void deploymentOnly(ObjectNode d) {
        String name = Manifests.name(d);
        JsonNode pod = d.path("spec").path("template").path("spec");
        JsonNode c = pod.path("containers").path(0);
        // The image is the one the Maven build makes and pushes.
        if (build.services().contains(name)) {
            String expected = build.image(name);
            String image = c.path("image").asText();
            if (!image.equals(expected)) {
                fail(d, "image " + image + " is not the build's " + expected + " (parent pom image.registry, image.group, version)");
            }
        } else {
            fail(d, "is not one of the build's services " + build.services());
        }
        // Probes on the management port, never on the public one.
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            JsonNode http = c.path(probe).path("httpGet");
            if (!http.isMissingNode() && !http.path("port").asText().equals("management")) {
                fail(d, probe + " must use the management port, not " + http.path("port").asText());
            }
        }
        // Graceful shutdown: preStop pause, then Quarkus's shutdown timeout, all inside the grace period.
        JsonNode preStop = c.path("lifecycle").path("preStop");
        int pause = preStop.path("sleep").path("seconds").asInt(-1);
        if (pause < 0) {
            fail(d, "needs a preStop sleep (the endpoint's removal must reach every proxy before SIGTERM)");
            return;
        }
        Optional<String> timeout = env(c, "QUARKUS_SHUTDOWN_TIMEOUT");
        if (timeout.isEmpty()) {
            fail(d, "sets no QUARKUS_SHUTDOWN_TIMEOUT (requests in flight would be cut at SIGTERM)");
            return;
        }
        long shutdown = quarkusDuration(timeout.get()).toSeconds();
        int grace = pod.path("terminationGracePeriodSeconds").asInt(30);
        if (grace < pause + shutdown + SHUTDOWN_MARGIN_SECONDS) {
            fail(d, "terminationGracePeriodSeconds " + grace + " < preStop " + pause + " s + shutdown timeout "
                    + shutdown + " s + " + SHUTDOWN_MARGIN_SECONDS + " s");
        }
    }

    static Optional<String> env(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (e.path("name").asText().equals(name) && e.has("value")) {
                return Optional.of(e.path("value").asText());
            }
        }
        return Optional.empty();
    }

    /** Quarkus's duration syntax: ISO-8601 (PT20S) or a number with a unit (20S, 500ms). */
    static Duration quarkusDuration(String value) {
        String v = value.trim();
        if (v.startsWith("P") || v.startsWith("p")) {
            return Duration.parse(v.toUpperCase());
        }
        Matcher matcher = Pattern.compile("(\\d+)(ms|s|m|h|d)?", Pattern.CASE_INSENSITIVE).matcher(v);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a Quarkus duration: " + value);
        }
        long n = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2).toLowerCase();
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofSeconds(n);
        };
    }

    // --- autoscaling, disruption -----------------------------------------------------------------

    private void autoscaling() {
        m.ofKind("HorizontalPodAutoscaler").forEach(hpa -> {
            JsonNode ref = hpa.path("spec").path("scaleTargetRef");
            Optional<ObjectNode> target = m.find(ref.path("kind").asText(), ref.path("name").asText());
            if (target.isEmpty()) {
                fail(hpa, "scales " + ref.path("kind").asText() + "/" + ref.path("name").asText() + ", which is not in the manifests");
            } else if (target.get().path("spec").has("replicas")) {
                fail(target.get(), "sets replicas, but HorizontalPodAutoscaler/" + Manifests.name(hpa)
                        + " owns the count (every apply would reset it)");
            }
            if (hpa.path("spec").path("minReplicas").asInt(1) < 2) {
                fail(hpa, "minReplicas must be at least 2 (one pod is no redundancy)");
            }
        });
    }

    private void disruptionBudgets() {
        m.ofKind("Deployment").forEach(d -> {
            JsonNode labels = d.path("spec").path("template").path("metadata").path("labels");
            List<ObjectNode> pdbs = m.ofKind("PodDisruptionBudget")
                    .filter(p -> selects(p.path("spec").path("selector"), labels)).toList();
            if (pdbs.isEmpty()) {
                fail(d, "has no PodDisruptionBudget");
            }
            for (ObjectNode pdb : pdbs) {
                if (!pdb.path("spec").path("maxUnavailable").asText().equals("1")) {
                    fail(pdb, "must set maxUnavailable: 1 (a drain takes at most one pod at a time, however many run)");
                }
            }
        });
    }

    // --- network -------------------------------------------------------------------------------

    private void networkPolicies() {
        boolean denyAll = m.ofKind("NetworkPolicy").anyMatch(p -> p.path("spec").path("podSelector").isEmpty()
                && types(p).containsAll(Set.of("Ingress", "Egress"))
                && p.path("spec").path("ingress").isEmpty() && p.path("spec").path("egress").isEmpty());
        if (!denyAll) {
            findings.add(new Finding("NetworkPolicy/*", "no default-deny policy (empty podSelector, Ingress and Egress, no rules)"));
        }
        m.ofKind("Service").forEach(s -> {
            JsonNode selector = s.path("spec").path("selector");
            if (selector.isEmpty()) {
                fail(s, "has no selector");
                return;
            }
            boolean covered = m.ofKind("NetworkPolicy").anyMatch(p -> !p.path("spec").path("podSelector").isEmpty()
                    && types(p).contains("Ingress") && types(p).contains("Egress")
                    && selects(p.path("spec").path("podSelector"), selector));
            if (!covered) {
                fail(s, "has no NetworkPolicy (Ingress and Egress) for its pods");
            }
            if (!s.path("spec").path("type").asText("ClusterIP").equals("ClusterIP")) {
                fail(s, "must be a ClusterIP Service: the Ingress is the only way in");
            }
        });
    }

    private static Set<String> types(JsonNode policy) {
        Set<String> types = new HashSet<>();
        policy.path("spec").path("policyTypes").forEach(t -> types.add(t.asText()));
        return types;
    }

    /** Whether a label selector (matchLabels and matchExpressions with In) selects pods with these labels. */
    static boolean selects(JsonNode selector, JsonNode labels) {
        JsonNode matchLabels = selector.has("matchLabels") || selector.has("matchExpressions")
                ? selector.path("matchLabels") : selector;
        Iterator<Map.Entry<String, JsonNode>> fields = matchLabels.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (!labels.path(f.getKey()).asText("\u0000").equals(f.getValue().asText())) {
                return false;
            }
        }
        for (JsonNode e : selector.path("matchExpressions")) {
            String value = labels.path(e.path("key").asText()).asText(null);
            boolean in = false;
            for (JsonNode v : e.path("values")) {
                in |= v.asText().equals(value);
            }
            boolean ok = switch (e.path("operator").asText()) {
                case "In" -> in;
                case "NotIn" -> !in;
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private void ingress() {
        m.ofKind("Ingress").forEach(ing -> {
            Set<String> hosts = new HashSet<>();
            for (JsonNode tls : ing.path("spec").path("tls")) {
                if (tls.path("secretName").asText("").isEmpty()) {
                    fail(ing, "a tls entry has no secretName");
                }
                tls.path("hosts").forEach(h -> hosts.add(h.asText()));
            }
            for (JsonNode rule : ing.path("spec").path("rules")) {
                if (!hosts.contains(rule.path("host").asText())) {
                    fail(ing, "host " + rule.path("host").asText("(any)") + " is not covered by TLS");
                }
                for (JsonNode path : rule.path("http").path("paths")) {
                    String backend = path.path("backend").path("service").path("name").asText();
                    if (!backend.equals("gateway")) {
                        fail(ing, "routes to " + backend + ": only the gateway is reachable from outside");
                    }
                }
            }
            if (ing.path("spec").has("defaultBackend")) {
                fail(ing, "has a defaultBackend: only the gateway's hosts are reachable from outside");
            }
        });
    }

    // --- Redis -----------------------------------------------------------------------------------

    private void redis() {
        Optional<ObjectNode> set = m.find("StatefulSet", "redis");
        if (set.isEmpty()) {
            findings.add(new Finding("StatefulSet/redis", "is missing"));
            return;
        }
        if (set.get().path("spec").path("volumeClaimTemplates").isEmpty()) {
            fail(set.get(), "has no volume (volumeClaimTemplates): a restart would lose the streams");
        }
        String conf = m.find("ConfigMap", "redis-config").map(c -> c.path("data").path("redis.conf").asText()).orElse("");
        Map<String, String> settings = new java.util.HashMap<>();
        conf.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(l -> {
            String[] kv = l.split("\\s+", 2);
            settings.put(kv[0].toLowerCase(), kv.length > 1 ? kv[1] : "");
        });
        Map<String, String> required = Map.of("appendonly", "yes", "appendfsync", "everysec", "maxmemory-policy", "noeviction");
        required.forEach((k, v) -> {
            if (!v.equals(settings.get(k))) {
                findings.add(new Finding("ConfigMap/redis-config", "redis.conf must say " + k + " " + v + " (found " + settings.get(k) + ")"));
            }
        });
        if (!settings.containsKey("maxmemory")) {
            findings.add(new Finding("ConfigMap/redis-config", "redis.conf sets no maxmemory (without it noeviction never applies and the pod is OOM-killed)"));
        }
    }
}
