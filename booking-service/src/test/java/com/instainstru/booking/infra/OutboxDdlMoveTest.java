package com.instainstru.booking.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.instainstru.platform.sql.MovedOutboxDdl;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A database migrated while V1 still created the outbox starts with today's migrations: the platform's
 * {@link MovedOutboxDdl} notes V1's new checksum, the repeatable outbox migration finds the table there, and the
 * events waiting in it are kept. Any other change of an applied migration is still refused.
 */
class OutboxDdlMoveTest {

    private static final String HOST = env("PG_HOST", "127.0.0.1");
    private static final String PORT = env("PG_PORT", "5432");
    private static final String USER = env("PG_USER", "instainstru");
    private static final String PASSWORD = env("PG_PASSWORD", "instainstru");
    private static final String DATABASE = "booking_outbox_move_test";

    private static String env(String name, String fallback) {
        return Objects.requireNonNullElse(System.getenv(name), fallback);
    }

    private static String url(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    @BeforeAll
    static void anOldDatabase() throws SQLException {
        try (Connection admin = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
                Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + DATABASE);
            sql.execute("CREATE DATABASE " + DATABASE);
        }
        Flyway.configure().dataSource(url(DATABASE), USER, PASSWORD).locations("filesystem:" + oldV1())
                .load().migrate();
        try (Connection db = DriverManager.getConnection(url(DATABASE), USER, PASSWORD); Statement sql = db.createStatement()) {
            sql.execute("""
                    INSERT INTO outbox_event (event_id, stream, type, envelope, published_at) VALUES
                        ('6f0c2a8e-7b1d-4d0e-9a57-0f2b8d7f1a01', 'booking-events', 'booking.created', '{"n":1}', now()),
                        ('6f0c2a8e-7b1d-4d0e-9a57-0f2b8d7f1a02', 'booking-events', 'booking.created', '{"n":2}', NULL)""");
        }
    }

    /**
     * V1 as it was: today's file with the platform's outbox statements back where its note stands. The checksum
     * Flyway records for it is asserted to be the one booking databases recorded then, so this is that file.
     */
    private static Path oldV1() {
        try {
            String today = resource("db/migration/V1__booking_schema.sql");
            String outbox = resource("db/outbox/R__outbox_event.sql");
            String statements = outbox.substring(outbox.indexOf("CREATE TABLE")).replace(" IF NOT EXISTS", "");
            int note = today.indexOf("-- outbox_event (the transactional outbox)");
            int after = today.indexOf('\n', today.indexOf('\n', note) + 1) + 1;
            Path dir = Files.createTempDirectory("booking-v1-with-outbox");
            Files.writeString(dir.resolve("V1__booking_schema.sql"), today.substring(0, note) + statements + today.substring(after));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = OutboxDdlMoveTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @AfterAll
    static void dropIt() throws SQLException {
        try (Connection admin = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
                Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    /** Today's migrations, configured as the service configures them (its locations, the platform's callback). */
    private static Flyway today() {
        FluentConfiguration config = Flyway.configure().dataSource(url(DATABASE), USER, PASSWORD)
                .locations("classpath:db/migration", "classpath:db/outbox");
        new MovedOutboxDdl().customize(config);
        return config.load();
    }

    private static String one(String query) throws SQLException {
        try (Connection db = DriverManager.getConnection(url(DATABASE), USER, PASSWORD); Statement sql = db.createStatement();
                ResultSet rs = sql.executeQuery(query)) {
            assertThat(rs.next()).as(query).isTrue();
            return rs.getString(1);
        }
    }

    @Test
    void theOldDatabaseMigratesKeepingItsOutboxAndAnyOtherChangeIsStillRefused() throws SQLException {
        String before = one("SELECT checksum FROM flyway_schema_history WHERE version = '1'");
        assertThat(before).as("the checksum booking databases recorded for V1 with the outbox").isEqualTo("1753651307");
        // Without the callback, Flyway refuses V1's changed file.
        assertThatThrownBy(() -> Flyway.configure().dataSource(url(DATABASE), USER, PASSWORD)
                .locations("classpath:db/migration", "classpath:db/outbox").load().validate())
                .isInstanceOf(FlywayException.class).hasMessageContaining("checksum mismatch");

        today().migrate();

        String after = one("SELECT checksum FROM flyway_schema_history WHERE version = '1'");
        assertThat(after).isNotEqualTo(before);
        assertThat(today().info().pending()).as("migrations not applied").isEmpty();
        assertThat(one("SELECT count(*) FROM flyway_schema_history WHERE version IS NOT NULL AND success"))
                .isEqualTo(String.valueOf(today().info().applied().length - 1));
        assertThat(one("SELECT count(*) FROM flyway_schema_history WHERE script = 'R__outbox_event.sql' AND success"))
                .isEqualTo("1");
        assertThat(one("SELECT string_agg(envelope || ':' || (published_at IS NULL), ',' ORDER BY id) FROM outbox_event"))
                .isEqualTo("{\"n\":1}:false,{\"n\":2}:true");
        today().validate();

        // A migration that differs in any other way is not "repaired".
        try (Connection db = DriverManager.getConnection(url(DATABASE), USER, PASSWORD); Statement sql = db.createStatement()) {
            sql.execute("UPDATE flyway_schema_history SET checksum = 12345 WHERE version = '1'");
        }
        assertThatThrownBy(() -> today().validate()).isInstanceOf(FlywayException.class)
                .hasMessageContaining("checksum mismatch");
    }
}
