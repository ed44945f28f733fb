package com.instainstru.manifests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Expand, then contract (README.md, "Migrations: expand, then contract"): during a rollout the old and the new
 * version of a service run against the migrated schema, so a migration may only add. A statement that takes
 * something away or narrows it (drops or renames a table, column or function, changes a column's type, makes one
 * NOT NULL) must say in a {@code -- contract:} comment which earlier release stopped using it. The migrations
 * written before the rule that broke it are listed here with what they broke.
 */
final class Migrations {

    /** Statements that contract the schema. */
    private static final Pattern CONTRACT = Pattern.compile(
            "\\b(DROP\\s+(COLUMN|TABLE|FUNCTION|VIEW|TYPE)|RENAME\\s+(COLUMN|TO)|ALTER\\s+COLUMN\\s+\\w+\\s+(SET\\s+DATA\\s+)?TYPE"
                    + "|SET\\s+NOT\\s+NULL)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern MARK = Pattern.compile("^--\\s*contract:\\s*\\S", Pattern.MULTILINE);

    /** Written before the rule, in the same release as the code that stopped using what they drop. */
    static final Map<String, String> BEFORE_THE_RULE = Map.of(
            "search-service/V3__next_free_from_free.sql", "dropped next_free(uuid, integer), which the version before called",
            "search-service/V6__next_free_derived.sql", "dropped instructor.next_free, which the version before read and wrote",
            "search-service/V7__order_safe_read_model.sql", "dropped the as_of columns, which the version before wrote");

    private Migrations() {
    }

    static List<Finding> check(Path repo) throws IOException {
        List<Finding> findings = new ArrayList<>();
        try (Stream<Path> modules = Files.list(repo)) {
            for (Path module : modules.sorted().toList()) {
                Path dir = module.resolve("src/main/resources/db/migration");
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
                        String name = module.getFileName() + "/" + file.getFileName();
                        check(name, Files.readString(file), findings);
                    }
                }
            }
        }
        return findings;
    }

    private static void check(String name, String sql, List<Finding> findings) {
        if (BEFORE_THE_RULE.containsKey(name) || MARK.matcher(sql).find()) {
            return;
        }
        String code = sql.replaceAll("--[^\\n]*", "");
        Matcher contract = CONTRACT.matcher(code);
        if (contract.find()) {
            findings.add(new Finding(name, "contracts the schema (" + contract.group(1).replaceAll("\\s+", " ")
                    .toUpperCase(Locale.ROOT) + ") while the previous version may still run: expand now and contract in a"
                    + " later release, or say in a '-- contract:' comment which release stopped using it"));
        }
    }
}
