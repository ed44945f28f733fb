package com.instainstru.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A sibling service as a JVM process: the {@code quarkus-run.jar} this build packaged, found through the system
 * property {@code instainstru.quarkus-app.<module>} (the parent pom gives every test JVM one per service), with
 * the environment set here, the test public key ({@code JWT_PUBLIC_KEY_LOCATION}), its HTTP and management
 * ports, and its output in a log file. Readiness is {@code /q/health/ready} on the management port.
 */
public final class ServiceJvm {

    /** Small heaps and the client compiler only: several JVMs start at once on few cores, for a short run. */
    private static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    private static final int LOG_LINES_ON_FAILURE = 60;

    private final String module;
    private final int port;
    private final int managementPort;
    private final Path log;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private String heap = "256m";
    private Process process;

    public ServiceJvm(String module, int port, int managementPort, Path log) {
        this.module = module;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log.toAbsolutePath();
    }

    /** On free ports, its log in {@code target/launched-services/<module>-<port>.log}. */
    public static ServiceJvm onFreePorts(String module) {
        int port = freePort();
        return new ServiceJvm(module, port, freePort(), Path.of("target", "launched-services", module + "-" + port + ".log"));
    }

    /** Adds to the environment the JVM gets on top of this one's (kept for a restart). */
    public ServiceJvm env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public ServiceJvm env(Map<String, String> values) {
        environment.putAll(values);
        return this;
    }

    /** The largest heap ({@code -Xmx}), 256m unless set. */
    public ServiceJvm heap(String size) {
        this.heap = size;
        return this;
    }

    public String module() {
        return module;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    /** Starts the JVM (it may have been stopped before); fails if its jar is missing or its port taken. */
    public synchronized void start() throws IOException {
        Path jar = quarkusApp(module).resolve("quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build " + module + " first (mvn -pl <module> -am verify "
                    + "builds what a module's tests launch)");
        }
        if (portInUse(port)) {
            throw new IllegalStateException("port " + port + " (" + module + ") is already in use: a leftover JVM?");
        }
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-Xmx" + heap, "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("JWT_PUBLIC_KEY_LOCATION", Tokens.publicKeyFile().toString());
        env.putAll(environment);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        process = builder.start();
    }

    /** True once {@code /q/health/ready} answers 200; fails at once, with the end of the log, if the JVM exited. */
    public boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException(module + " exited with status " + process.exitValue()
                    + " before it was ready; end of " + log + ":\n" + tail(LOG_LINES_ON_FAILURE));
        }
        try {
            HttpURLConnection connection = (HttpURLConnection) URI
                    .create("http://127.0.0.1:" + managementPort + "/q/health/ready").toURL().openConnection();
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

    /** Waits until it is ready; fails with the end of its log when it is not within the timeout. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(module + " not ready on " + baseUrl() + " after " + timeout.toSeconds()
                        + " s; end of " + log + ":\n" + tail(LOG_LINES_ON_FAILURE));
            }
            Thread.sleep(200);
        }
    }

    /** Starts them all at once and waits until each is ready; if one fails, stops them all. */
    public static void startAll(List<ServiceJvm> jvms, Duration timeout) throws IOException, InterruptedException {
        try {
            for (ServiceJvm jvm : jvms) {
                jvm.start();
            }
            for (ServiceJvm jvm : jvms) {
                jvm.awaitReady(timeout);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            stopAll(jvms);
            throw e;
        }
    }

    /** SIGTERM, then SIGKILL after 20 s. */
    public synchronized void stop() {
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

    /** SIGKILL, as a crash or an evicted pod: no shutdown, what it held is left behind. */
    public synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Stops them in parallel. */
    public static void stopAll(List<ServiceJvm> jvms) {
        jvms.parallelStream().forEach(ServiceJvm::stop);
    }

    /** The last lines of its log. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The module's built {@code target/quarkus-app}, as the build names it. */
    public static Path quarkusApp(String module) {
        String property = "instainstru.quarkus-app." + module;
        String directory = System.getProperty(property);
        if (directory == null || directory.isBlank()) {
            throw new IllegalStateException("the system property " + property + " is not set: run the tests through "
                    + "Maven (the parent pom sets it for every test JVM)");
        }
        return Path.of(directory);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
