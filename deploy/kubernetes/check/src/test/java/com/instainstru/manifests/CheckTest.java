package com.instainstru.manifests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checker itself: the repository's manifests pass, and each fault planted in a copy of them (the
 * typos and omissions a person makes) fails it with a finding that names the fault.
 */
class CheckTest {

    private static Path kustomize;
    private static Path repo;

    @TempDir
    Path copy;

    @BeforeAll
    static void tools() {
        String k = System.getProperty("kustomize");
        String r = System.getProperty("repo");
        if (k == null || k.isBlank() || r == null || r.isBlank()) {
            fail("run with -Dkustomize=<path> -Drepo=<repository root> (./deploy/local/check-manifests.sh does)");
        }
        kustomize = Path.of(k);
        repo = Path.of(r);
    }

    @Test
    void theRepositoryManifestsPass() throws Exception {
        List<Finding> findings = Check.run(kustomize, repo);
        assertEquals(List.of(), findings);
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                // schema: unknown fields, wrong types, wrong apiVersions and kinds, missing required fields
                Arguments.of("a misspelt field", "catalog-service/deployment.yaml",
                        "  replicas: 2", "  replica: 2", "`replica`"),
                Arguments.of("a misspelt field deep in a pod", "booking-service/deployment.yaml",
                        "readOnlyRootFilesystem: true", "readOnlyRootFileSystem: true", "`readOnlyRootFileSystem`"),
                Arguments.of("a number as text", "gateway/deployment.yaml",
                        "terminationGracePeriodSeconds: 45", "terminationGracePeriodSeconds: soon", "wrong type"),
                Arguments.of("an apiVersion that does not exist", "search-service/hpa.yaml",
                        "apiVersion: autoscaling/v2", "apiVersion: autoscaling/v3", "autoscaling/v3"),
                Arguments.of("a kind its apiVersion does not serve", "catalog-service/pdb.yaml",
                        "apiVersion: policy/v1", "apiVersion: apps/v1", "not served by apiVersion apps/v1"),
                Arguments.of("a required field missing", "gateway/service.yaml",
                        "      port: 8080\n", "", "`port`"),
                Arguments.of("a CloudNativePG typo", "postgresql/cluster.yaml",
                        "  instances: 3", "  instance: 3", "instance"),
                Arguments.of("a CloudNativePG pool mode that does not exist", "postgresql/pooler.yaml",
                        "poolMode: transaction", "poolMode: statement", "poolMode"),
                Arguments.of("a Prometheus operator typo", "monitoring/podmonitors.yaml",
                        "  podMetricsEndpoints:\n    - port: management", "  podMetricEndpoints:\n    - port: management", "podMetricEndpoints"),
                Arguments.of("a duplicated key", "redis/service.yaml",
                        "  type: ClusterIP\n", "  type: ClusterIP\n  type: NodePort\n", "already defined"),
                Arguments.of("a resource kustomize cannot find", "redis/kustomization.yaml",
                        "  - service.yaml", "  - services.yaml", "kustomize build"),
                // rules
                Arguments.of("a missing readiness probe", "analytics-service/deployment.yaml",
                        "          readinessProbe:\n            httpGet:\n              path: /q/health/ready\n              port: management\n            periodSeconds: 5\n            timeoutSeconds: 3\n            successThreshold: 1\n            failureThreshold: 2\n",
                        "", "has no readinessProbe"),
                Arguments.of("a probe on the public port", "booking-service/deployment.yaml",
                        "              path: /q/health/live\n              port: management", "              path: /q/health/live\n              port: http",
                        "livenessProbe must use the management port"),
                Arguments.of("no memory limit", "catalog-service/deployment.yaml",
                        "            limits:\n              cpu: \"1\"\n              memory: 768Mi", "            limits:\n              cpu: \"1\"",
                        "resources.limits.memory"),
                Arguments.of("privilege escalation", "gateway/deployment.yaml",
                        "allowPrivilegeEscalation: false", "allowPrivilegeEscalation: true", "allowPrivilegeEscalation"),
                Arguments.of("root allowed", "search-service/deployment.yaml",
                        "          securityContext:\n            runAsNonRoot: true", "          securityContext:\n            runAsNonRoot: false",
                        "must run as non-root"),
                Arguments.of("capabilities kept", "redis/statefulset.yaml",
                        "              drop:\n                - ALL", "              drop:\n                - NET_RAW", "drop ALL"),
                Arguments.of("replicas on the autoscaled Deployment", "search-service/deployment.yaml",
                        "  revisionHistoryLimit: 5", "  replicas: 3\n  revisionHistoryLimit: 5", "owns the count"),
                Arguments.of("a drain may take two search pods", "search-service/pdb.yaml",
                        "maxUnavailable: 1", "maxUnavailable: 2", "maxUnavailable: 1"),
                Arguments.of("a Service without a NetworkPolicy", "booking-service/kustomization.yaml",
                        "  - networkpolicy.yaml\n", "", "Service/booking-service: has no NetworkPolicy"),
                Arguments.of("no default deny", "network/kustomization.yaml",
                        "  - default-deny.yaml\n", "", "no default-deny policy"),
                Arguments.of("an image the build does not make", "kustomization.yaml",
                        "    newName: registry.instainstru.com/instainstru/search-service\n    newTag: 1.0.0-SNAPSHOT",
                        "    newName: registry.instainstru.com/instainstru/search-service\n    newTag: latest",
                        "is not the build's"),
                Arguments.of("a grace period shorter than the shutdown", "catalog-service/deployment.yaml",
                        "terminationGracePeriodSeconds: 45", "terminationGracePeriodSeconds: 30", "terminationGracePeriodSeconds 30"),
                Arguments.of("no preStop pause", "analytics-service/deployment.yaml",
                        "            preStop:\n              sleep:\n                seconds: 10\n", "            postStart:\n              sleep:\n                seconds: 1\n",
                        "needs a preStop sleep"),
                Arguments.of("a second service behind the Ingress", "gateway/ingress.yaml",
                        "                name: gateway\n                port:\n                  name: http\n    - host: www",
                        "                name: search-service\n                port:\n                  name: http\n    - host: www",
                        "only the gateway"),
                Arguments.of("Redis evicting stream entries", "redis/configmap.yaml",
                        "maxmemory-policy noeviction", "maxmemory-policy allkeys-lru", "maxmemory-policy noeviction"),
                Arguments.of("Redis fsyncing rarely", "redis/configmap.yaml",
                        "appendfsync everysec", "appendfsync no", "appendfsync everysec"),
                // monitoring: every metric read is in the list a /q/metrics test checks
                Arguments.of("an alert on a metric nobody listed", "monitoring/prometheusrule.yaml",
                        "increase(search_events_dropped_total{", "increase(search_events_lost_total{", "search_events_lost_total, which is not listed"),
                // the connection budget
                Arguments.of("a pool larger than the README's budget", "booking-service/deployment.yaml",
                        "              value: \"20\"", "              value: \"24\"", "connection budget differs"),
                Arguments.of("a search pool past the role's connection limit", "search-service/deployment.yaml",
                        "            - name: PG_POOL_SIZE\n              value: \"4\"", "            - name: PG_POOL_SIZE\n              value: \"8\"",
                        "over its connectionLimit 80"),
                Arguments.of("connection limits past max_connections", "postgresql/cluster.yaml",
                        "max_connections: \"250\"", "max_connections: \"150\"", "exceed max_connections 150"),
                Arguments.of("another service's credentials", "gateway/deployment.yaml",
                        "                  name: postgresql-gateway\n                  key: username", "                  name: postgresql-catalog\n                  key: username",
                        "PG_USER must come from the Secret postgresql-gateway"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void aPlantedFaultFails(String fault, String file, String from, String to, String expected) throws Exception {
        copyRepository();
        Path target = copy.resolve("deploy/kubernetes").resolve(file);
        String text = Files.readString(target);
        assertTrue(text.contains(from), "the fault's original text is not in " + file + " (the test must change something): " + from);
        Files.writeString(target, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));

        List<Finding> findings = Check.run(kustomize, copy);

        assertTrue(findings.stream().anyMatch(f -> f.toString().contains(expected)),
                fault + ": expected a finding with '" + expected + "', got " + findings);
    }

    @Test
    void theBudgetInTheReadmeIsTheManifests() throws Exception {
        copyRepository();
        Path readme = copy.resolve("deploy/kubernetes/README.md");
        String text = Files.readString(readme);
        String changed = text.replace("| **total at worst** | **218** |", "| **total at worst** | **150** |");
        assertTrue(!changed.equals(text), "the README's budget has no total of 218");
        Files.writeString(readme, changed);

        List<Finding> findings = Check.run(kustomize, copy);

        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).toString().contains("| **total at worst** | **218** |"), findings.toString());
    }

    @Test
    void aMigrationThatDropsAColumnTheRunningVersionUsesFails() throws Exception {
        copyRepository();
        Path migrations = copy.resolve("booking-service/src/main/resources/db/migration");
        Files.writeString(migrations.resolve("V99__drop_note.sql"), "-- Notes are gone.\nALTER TABLE booking DROP COLUMN note;\n");

        List<Finding> findings = Check.run(kustomize, copy);

        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).toString().startsWith("booking-service/V99__drop_note.sql: contracts the schema (DROP COLUMN)"),
                findings.toString());

        // Said to be safe, with the release that stopped using it: accepted.
        Files.writeString(migrations.resolve("V99__drop_note.sql"),
                "-- contract: 1.4 stopped reading and writing booking.note (expanded in V98)\nALTER TABLE booking DROP COLUMN note;\n");
        assertEquals(List.of(), Check.run(kustomize, copy));
    }

    /** The manifests, the parent pom, the services' settings and migrations: what the checker reads. */
    private void copyRepository() throws IOException {
        Files.copy(repo.resolve("pom.xml"), copy.resolve("pom.xml"));
        try (Stream<Path> modules = Files.list(repo)) {
            for (Path module : modules.toList()) {
                Path migrations = module.resolve("src/main/resources/db/migration");
                if (Files.isDirectory(migrations)) {
                    try (Stream<Path> sql = Files.list(migrations)) {
                        for (Path f : sql.toList()) {
                            Path to = copy.resolve(repo.relativize(f));
                            Files.createDirectories(to.getParent());
                            Files.copy(f, to);
                        }
                    }
                }
                Path props = module.resolve("src/main/resources/application.properties");
                if (Files.isRegularFile(props)) {
                    Path to = copy.resolve(repo.relativize(props));
                    Files.createDirectories(to.getParent());
                    Files.copy(props, to);
                }
            }
        }
        Path from = repo.resolve("deploy/kubernetes");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path rel = from.relativize(f);
                if (rel.startsWith("check")) {
                    continue;
                }
                Path to = copy.resolve("deploy/kubernetes").resolve(rel);
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
    }
}
