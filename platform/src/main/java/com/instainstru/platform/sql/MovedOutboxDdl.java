package com.instainstru.platform.sql;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.FlywayException;

/**
 * The outbox table's DDL moved out of five applied migrations into the platform's repeatable
 * {@code db/outbox/R__outbox_event.sql}. Each of those files lost the same statements, so a database migrated
 * before holds their old checksum and Flyway's validation would refuse to start the service. Before Flyway
 * validates or migrates, this rewrites exactly those recorded checksums, and no other: one migration version, the
 * checksum it had before the move, the checksum it has after. (Migrating validates first: {@code validate-on-migrate}
 * is on, as it is by default.) Any other difference still fails validation, as it
 * should. (Flyway's {@code repair} would accept every difference at once.)
 */
@Singleton
public class MovedOutboxDdl implements FlywayConfigurationCustomizer {

    /** A migration of one service: its version, its checksum with the outbox DDL, and without. */
    record Moved(String version, int before, int after) {
    }

    static final List<Moved> MOVED = List.of(
            new Moved("1", -1859746918, -565145706),  // catalog  V1__catalog_schema.sql
            new Moved("1", 1753651307, 1650765555),   // booking  V1__booking_schema.sql
            new Moved("1", 1205885285, 1786346137),   // search   V1__search_read_model.sql
            new Moved("1", 1472747141, 984893107),    // analytics V1__analytics_schema.sql
            new Moved("2", -566458464, 814640200));   // gateway  V2__user_events_outbox.sql

    @Override
    public void customize(FluentConfiguration configuration) {
        List<Callback> callbacks = new ArrayList<>(Arrays.asList(configuration.getCallbacks()));
        callbacks.add(new Repair());
        configuration.callbacks(callbacks.toArray(Callback[]::new));
    }

    /** Rewrites the recorded checksums of the moved migrations; returns how many rows it changed. */
    public static int repair(Connection connection, String historyTable) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            exists.setString(1, historyTable);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return 0; // a new database: nothing was recorded
                }
            }
        }
        int changed = 0;
        // The table name comes from Flyway's configuration, not from input.
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + historyTable
                + " SET checksum = ? WHERE version = ? AND checksum = ? AND type = 'SQL'")) {
            for (Moved m : MOVED) {
                update.setInt(1, m.after());
                update.setString(2, m.version());
                update.setInt(3, m.before());
                changed += update.executeUpdate();
            }
        }
        return changed;
    }

    static final class Repair extends BaseCallback {

        @Override
        public boolean supports(Event event, Context context) {
            // Before validating only: migrate validates first (validate-on-migrate), and a callback at
            // BEFORE_MIGRATE would take a third connection, more than a service's JDBC pool holds (2).
            return event == Event.BEFORE_VALIDATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            try {
                repair(context.getConnection(), context.getConfiguration().getTable());
            } catch (SQLException e) {
                throw new FlywayException("Could not note the outbox DDL's move in the schema history", e);
            }
        }

        @Override
        public String getCallbackName() {
            return "moved-outbox-ddl";
        }
    }
}
