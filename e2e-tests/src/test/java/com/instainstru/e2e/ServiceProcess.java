package com.instainstru.e2e;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service as a plain JVM process: the {@code quarkus-run.jar} this build packaged in
 * {@code <module>/target/quarkus-app}, its output in a log file under this module's target.
 */
final class ServiceProcess {

    /** Small heaps and the client compiler only: five JVMs start at once on two cores, for a short run. */
    private static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx384m");

    private final String module;
    private final int port;
    private final Path log;
    private Process process;

    ServiceProcess(String module, int port, Path logDirectory) {
        this.module = module;
        this.port = port;
        this.log = logDirectory.resolve(module + ".log");
    }

    String module() {
        return module;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    Path log() {
        return log;
    }

    /** Starts the JVM with the given environment added to this one's. Fails if the port is taken. */
    void start(Map<String, String> environment) throws IOException {
        Path jar = Path.of("..", module, "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().normalize();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (mvn verify from the root)");
        }
        if (portInUse(port)) {
            throw new IllegalStateException("port " + port + " (" + module + ") is already in use: a leftover e2e JVM? "
                    + "Stop it, or choose other ports with -De2e.base-port=...");
        }
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort()));
        process = builder.start();
    }

    /** Health and metrics are on the management interface: the HTTP port + 100 (29180-29184). */
    int managementPort() {
        return port + 100;
    }

    /** True once {@code /q/health/ready} (management port) answers 200; fails at once if the process has exited. */
    boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException(module + " exited with status " + process.exitValue()
                    + " before it was ready; end of " + log + ":\n" + tail(40));
        }
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + managementPort() + "/q/health/ready").toURL()
                    .openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            try {
                return connection.getResponseCode() == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException notYet) {
            return false;
        }
    }

    /** SIGTERM, then SIGKILL after 20 s. */
    void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines of the log. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static boolean portInUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException free) {
            return false;
        }
    }

    @Override
    public String toString() {
        return module + " on " + baseUrl();
    }
}
