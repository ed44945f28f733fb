package com.instainstru.gateway.identity;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The users table. Every method takes the client (pool or transaction connection) it runs on. */
@ApplicationScoped
public class UserRepository {

    private static final String COLUMNS = "id, email, name, password_hash, roles, time_zone";

    public Uni<Void> insert(SqlClient db, User user) {
        return db.preparedQuery("INSERT INTO users (id, email, name, password_hash, roles, time_zone) "
                        + "VALUES ($1, $2, $3, $4, $5, $6)")
                .execute(Tuple.of(user.id(), user.email(), user.name(), user.passwordHash(),
                        user.roles().toArray(String[]::new), user.timeZone()))
                .replaceWithVoid();
    }

    public Uni<Optional<User>> findByEmail(SqlClient db, String email) {
        return db.preparedQuery("SELECT " + COLUMNS + " FROM users WHERE email = $1").execute(Tuple.of(email))
                .map(UserRepository::first);
    }

    public Uni<Optional<User>> findById(SqlClient db, UUID id) {
        return db.preparedQuery("SELECT " + COLUMNS + " FROM users WHERE id = $1").execute(Tuple.of(id))
                .map(UserRepository::first);
    }

    public Uni<Void> updatePassword(SqlClient db, UUID id, String passwordHash) {
        return db.preparedQuery("UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1")
                .execute(Tuple.of(id, passwordHash)).replaceWithVoid();
    }

    /** Sets the user's name and time zone. */
    public Uni<Void> updateProfile(SqlClient db, UUID id, String name, String timeZone) {
        return db.preparedQuery("UPDATE users SET name = $2, time_zone = $3, updated_at = now() WHERE id = $1")
                .execute(Tuple.of(id, name, timeZone)).replaceWithVoid();
    }

    /** Marks the user's address verified if it is still {@code email}; answers whether it is. */
    public Uni<Boolean> markVerified(SqlClient db, UUID id, String email) {
        return db.preparedQuery("UPDATE users SET email_verified_at = coalesce(email_verified_at, now()), updated_at = now() "
                        + "WHERE id = $1 AND email = $2")
                .execute(Tuple.of(id, email)).map(rows -> rows.rowCount() == 1);
    }

    /** Creates the admin account, or gives an existing account of that email the admin role and the hash. */
    public Uni<Void> upsertAdmin(SqlClient db, String email, String name, String passwordHash) {
        return db.preparedQuery("""
                        INSERT INTO users (id, email, name, password_hash, roles) VALUES ($1, $2, $3, $4, ARRAY['admin'])
                        ON CONFLICT (email) DO UPDATE SET password_hash = excluded.password_hash, updated_at = now(),
                            roles = CASE WHEN 'admin' = ANY (users.roles) THEN users.roles
                                         ELSE users.roles || ARRAY['admin'] END""")
                .execute(Tuple.of(UUID.randomUUID(), email, name, passwordHash)).replaceWithVoid();
    }

    private static Optional<User> first(RowSet<Row> rows) {
        if (!rows.iterator().hasNext()) {
            return Optional.empty();
        }
        Row r = rows.iterator().next();
        List<String> roles = Arrays.asList(r.getArrayOfStrings("roles"));
        return Optional.of(new User(r.getUUID("id"), r.getString("email"), r.getString("name"),
                r.getString("password_hash"), List.copyOf(roles), r.getString("time_zone")));
    }
}
