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

    /** FLUSHDB on one Redis database, in the protocol's own words (no client library needed for one command). */
    static void flushRedis(int database) throws IOException {
        String db = Integer.toString(database);
        String commands = "*2\r\n$6\r\nSELECT\r\n$" + db.length() + "\r\n" + db + "\r\n*1\r\n$7\r\nFLUSHDB\r\n";
        try (Socket socket = new Socket(REDIS_HOST, Integer.parseInt(REDIS_PORT))) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(commands.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answers = readLines(socket.getInputStream(), 2);
            if (!answers.equals("+OK\r\n+OK\r\n")) {
                throw new IOException("Redis answered " + answers.trim() + " to SELECT " + db + " / FLUSHDB");
            }
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
