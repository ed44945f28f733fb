package com.instainstru.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real SMTP development inbox of the test's own: MailDev (the npm package deploy/local/infra.sh installs; the
 * parent pom names its script in the system property {@code instainstru.maildev}) on free loopback ports, keeping
 * its messages in a directory of its own, so that {@link #stopSmtp()} and {@link #startSmtp()} stop the server and
 * bring it back with every message it had accepted. {@link #messages()} reads its JSON API ({@code GET /email}).
 */
public final class MailDev implements AutoCloseable {

    // HTTP/1.1: an h2c upgrade request makes MailDev's Node server (socket.io listens for upgrades) drop the connection.
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int smtpPort = freePort();
    private final int webPort = freePort();
    private final Path directory;
    private final Path log;
    private Process process;

    private MailDev() throws IOException {
        directory = Files.createTempDirectory("maildev");
        log = directory.resolve("maildev.log");
        Files.createDirectories(directory.resolve("mail"));
    }

    /** Starts one and waits until its SMTP port and API answer. */
    public static MailDev start() {
        try {
            MailDev mailDev = new MailDev();
            mailDev.startSmtp();
            return mailDev;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int smtpPort() {
        return smtpPort;
    }

    /** Its web page and JSON API. */
    public String webUrl() {
        return "http://127.0.0.1:" + webPort;
    }

    /** Starts MailDev (again): the messages it accepted before are read back from its directory. */
    public synchronized void startSmtp() {
        if (process != null && process.isAlive()) {
            return;
        }
        String script = System.getProperty("instainstru.maildev", "");
        if (script.isEmpty() || !Files.isRegularFile(Path.of(script))) {
            throw new IllegalStateException("MailDev is not installed at '" + script
                    + "' (system property instainstru.maildev): deploy/local/infra.sh installs it (npm ci in deploy/local/maildev)");
        }
        try {
            process = new ProcessBuilder("node", script, "--ip", "127.0.0.1", "--web-ip", "127.0.0.1",
                    "--smtp", Integer.toString(smtpPort), "--web", Integer.toString(webPort),
                    "--mail-directory", directory.resolve("mail").toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("MailDev exited: " + Files.readString(log));
                }
                if (listening(smtpPort) && apiAnswers()) {
                    return;
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("MailDev did not start on " + smtpPort + "/" + webPort + ": " + Files.readString(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops MailDev: SMTP connections are refused until {@link #startSmtp()}. */
    public synchronized void stopSmtp() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (listening(smtpPort) && System.nanoTime() < deadline) {
            sleep(50);
        }
    }

    /** Every message in the inbox, as MailDev's JSON API describes it (subject, to, headers, attachments, html, text). */
    public List<JsonNode> messages() {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(webUrl() + "/email"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("MailDev answered " + answer.statusCode() + " to GET /email");
            }
            List<JsonNode> out = new ArrayList<>();
            JSON.readTree(answer.body()).forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The messages to one address. */
    public List<JsonNode> messagesTo(String address) {
        return messages().stream().filter(m -> recipients(m).contains(address.toLowerCase(java.util.Locale.ROOT))).toList();
    }

    /**
     * The attachment of a message named {@code name}, decoded ({@code GET /email/{id}/attachment/<the name MailDev
     * stored it under>}).
     */
    public String attachment(JsonNode message, String name) {
        String stored = null;
        for (JsonNode a : message.path("attachments")) {
            if (name.equals(a.path("fileName").asText())) {
                stored = a.path("generatedFileName").asText();
            }
        }
        if (stored == null) {
            throw new IllegalStateException("the message has no attachment " + name + ": " + message.path("attachments"));
        }
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(webUrl() + "/email/"
                    + message.path("id").asText() + "/attachment/" + stored)).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("MailDev has no attachment " + name + ": " + answer.statusCode());
            }
            return answer.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> recipients(JsonNode message) {
        List<String> out = new ArrayList<>();
        message.path("to").forEach(to -> out.add(to.path("address").asText().toLowerCase(java.util.Locale.ROOT)));
        return out;
    }

    /** A header of a message (MailDev keeps them with lower-case names), or null. */
    public static String header(JsonNode message, String name) {
        JsonNode value = message.path("headers").path(name.toLowerCase(java.util.Locale.ROOT));
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    @Override
    public void close() {
        stopSmtp();
        try (var files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean apiAnswers() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(webUrl() + "/email")).timeout(Duration.ofSeconds(2)).GET()
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
