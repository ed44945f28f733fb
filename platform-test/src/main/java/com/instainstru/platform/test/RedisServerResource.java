package com.instainstru.platform.test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A private, real redis-server for tests that stop and restart Redis (the application's {@code quarkus.redis.hosts}
 * points at it). By default it runs without persistence, so a restart is an empty Redis, like a failed-over one.
 * With the init argument {@code durable=true} it runs as deploy/local/infra.sh runs the platform's Redis
 * (append-only file fsynced every second, noeviction), in a directory of its own that a restart reads back;
 * {@link #crashRedis()} kills it with SIGKILL.
 */
public class RedisServerResource implements QuarkusTestResourceLifecycleManager {

    /** The settings infra.sh gives the platform's Redis (its REDIS_DURABILITY). */
    public static final Map<String, String> DURABLE = Map.of("appendonly", "yes", "appendfsync", "everysec",
            "maxmemory-policy", "noeviction");

    private static int port;
    private static Process process;
    private static Path directory;

    @Override
    public void init(Map<String, String> initArgs) {
        if (Boolean.parseBoolean(initArgs.getOrDefault("durable", "false"))) {
            try {
                directory = Files.createTempDirectory("redis-durable");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            directory = null;
        }
    }

    @Override
    public Map<String, String> start() {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        startRedis();
        return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + port);
    }

    @Override
    public void stop() {
        stopRedis();
        if (directory != null) {
            try (var files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static synchronized void startRedis() {
        try {
            List<String> command = new ArrayList<>(List.of("redis-server", "--port", Integer.toString(port),
                    "--bind", "127.0.0.1", "--save", ""));
            if (directory == null) {
                command.addAll(List.of("--appendonly", "no"));
            } else {
                command.addAll(List.of("--dir", directory.toString()));
                DURABLE.forEach((name, value) -> command.addAll(List.of("--" + name, value)));
            }
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                try (Socket ignored = new Socket("127.0.0.1", port)) {
                    return;
                } catch (IOException notYet) {
                    Thread.sleep(50);
                }
            }
            throw new IllegalStateException("redis-server did not start on port " + port);
        } catch (IOException e) {
            throw new IllegalStateException("redis-server must be installed (deploy/local/infra.sh does it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static void stopRedis() {
        stop(false);
    }

    /** Kills redis-server with SIGKILL: no shutdown, no last write; what it acknowledged must survive. */
    public static void crashRedis() {
        stop(true);
    }

    private static synchronized void stop(boolean kill) {
        if (process != null) {
            if (kill) {
                process.destroyForcibly();
            } else {
                process.destroy();
            }
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }
}
