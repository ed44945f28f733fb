package com.instainstru.platform.test.fuzz;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The rows of every table of a PostgreSQL database's public schema as a count and an md5 of their text, to show
 * that requests changed nothing. Tables in {@code countOnly} (the outbox, whose relay marks rows published in the
 * background) are compared by their row count alone; Flyway's history is left out.
 */
public final class TableChecksums {

    private TableChecksums() {
    }

    /**
     * The checksums of the service under test's database (its {@code quarkus.datasource.jdbc.*} settings) once
     * they hold still: background work of earlier tests (a relay, a stream consumer) is let finish first.
     */
    public static Map<String, String> settled(Set<String> countOnly) {
        Config config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null);
        String password = config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null);
        Map<String, String> last = of(url, user, password, countOnly);
        for (int attempt = 0; attempt < 20; attempt++) {
            pause();
            Map<String, String> now = of(url, user, password, countOnly);
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> of(String jdbcUrl, String user, String password, Set<String> countOnly) {
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password); Statement sql = db.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = sql.executeQuery("select table_name from information_schema.tables where table_schema = "
                    + "'public' and table_type = 'BASE TABLE' and table_name not like 'flyway%' order by 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            Map<String, String> sums = new TreeMap<>();
            for (String table : tables) {
                String query = countOnly.contains(table) ? "select count(*)::text from " + quoted(table)
                        : "select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from "
                        + quoted(table) + " t";
                try (ResultSet rs = sql.executeQuery(query)) {
                    rs.next();
                    sums.put(table, rs.getString(1));
                }
            }
            return sums;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the tables of " + jdbcUrl, e);
        }
    }

    private static String quoted(String table) {
        return "\"" + table.replace("\"", "\"\"") + "\"";
    }
}
