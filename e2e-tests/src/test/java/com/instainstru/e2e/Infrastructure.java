package com.instainstru.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The local PostgreSQL and Redis that deploy/local/infra.sh runs (PG_* and REDIS_* as it exports
 * them, loopback defaults otherwise), and how the end-to-end run empties its share of them.
 */
final class Infrastructure {

    static final String PG_HOST = env("PG_HOST", "127.0.0.1");
    static final String PG_PORT = env("PG_PORT", "5432");
    static final String PG_USER = env("PG_USER", "instainstru");
    static final String PG_PASSWORD = env("PG_PASSWORD", "instainstru");
    static final String REDIS_HOST = env("REDIS_HOST", "127.0.0.1");
    static final String REDIS_PORT = env("REDIS_PORT", "6379");

    private Infrastructure() {
    }

    /**
     * Drops every object the services' role owns in the database (their tables, Flyway's history):
     * the database stays, with the extensions infra.sh created in it as the superuser.
     */
    static void emptyDatabase(String database) throws SQLException {
        String url = "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/" + database;
        try (Connection connection = DriverManager.getConnection(url, PG_USER, PG_PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP OWNED BY CURRENT_USER");
        } catch (SQLException e) {
            throw new SQLException("cannot empty database " + database
                    + " (does it exist? deploy/local/infra.sh creates it): " + e.getMessage(), e);
        }
    }

    /** FLUSHDB on one Redis database: every stream, group and key of the platform is gone. */
    static void flushRedis(int database) throws IOException {
        String answer = redis(database, "FLUSHDB");
        if (!answer.equals("+OK")) {
            throw new IOException("Redis answered " + answer + " to FLUSHDB on database " + database);
        }
    }

    /** XLEN of a stream (0 when it does not exist). */
    static long streamLength(int database, String stream) throws IOException {
        String answer = redis(database, "XLEN", stream);
        if (!answer.startsWith(":")) {
            throw new IOException("Redis answered " + answer + " to XLEN " + stream);
        }
        return Long.parseLong(answer.substring(1));
    }

    /**
     * One command on one database, in the protocol's own words (no client library needed for a few commands);
     * answers the command's one-line reply.
     */
    private static String redis(int database, String... command) throws IOException {
        StringBuilder resp = new StringBuilder();
        appendCommand(resp, "SELECT", Integer.toString(database));
        appendCommand(resp, command);
        try (Socket socket = new Socket(REDIS_HOST, Integer.parseInt(REDIS_PORT))) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(resp.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            String[] answers = readLines(socket.getInputStream(), 2).split("\r\n");
            if (!answers[0].equals("+OK")) {
                throw new IOException("Redis answered " + answers[0] + " to SELECT " + database);
            }
            return answers[1];
        }
    }

    private static void appendCommand(StringBuilder resp, String... words) {
        resp.append('*').append(words.length).append("\r\n");
        for (String word : words) {
            resp.append('$').append(word.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(word).append("\r\n");
        }
    }

    static String redisUrl(int database) {
        return "redis://" + REDIS_HOST + ":" + REDIS_PORT + "/" + database;
    }

    private static String readLines(InputStream in, int lines) throws IOException {
        StringBuilder text = new StringBuilder();
        int seen = 0;
        while (seen < lines) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            text.append((char) c);
            if (c == '\n') {
                seen++;
            }
        }
        return text.toString();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
