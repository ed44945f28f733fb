package com.instainstru.notification.preferences;

import com.instainstru.platform.security.OpaqueTokens;
import com.instainstru.platform.problem.ApiException;
import com.instainstru.platform.web.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's notification preferences (reminders on or off), and the unsubscribe link of a reminder, which turns
 * its recipient's reminders off without a sign-in: its token (random, 256 bits) is the proof, found by its SHA-256.
 * A preference set before user-events told this service the user's address is kept until they do.
 */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications", description = "What the platform writes to a user about")
public class PreferencesResource {

    private static final String UPSERT = """
            INSERT INTO recipient (user_id, reminders, as_of) VALUES ($1, $2, '-infinity')
            ON CONFLICT (user_id) DO UPDATE SET reminders = excluded.reminders RETURNING reminders""";

    @Inject
    Pool pool;

    @Inject
    Caller caller;

    @GET
    @Path("/preferences")
    @Authenticated
    @Operation(summary = "The caller's notification preferences")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Preferences.class)))
    public Uni<Preferences> preferences() {
        UUID user = caller.userId();
        return pool.preparedQuery("SELECT reminders FROM recipient WHERE user_id = $1").execute(Tuple.of(user))
                .map(rows -> new Preferences(!rows.iterator().hasNext() || rows.iterator().next().getBoolean("reminders")));
    }

    @PUT
    @Path("/preferences")
    @Authenticated
    @Operation(summary = "Set the caller's notification preferences (while reminders are off, none is sent)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Preferences.class)))
    public Uni<Preferences> update(@Valid @NotNull Preferences preferences) {
        UUID user = caller.userId();
        return pool.preparedQuery(UPSERT).execute(Tuple.of(user, preferences.reminders()))
                .map(rows -> new Preferences(rows.iterator().next().getBoolean("reminders")));
    }

    @POST
    @Path("/unsubscribe")
    @PermitAll
    @Operation(summary = "Turn reminders off with the token of a reminder's unsubscribe link (no sign-in)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Preferences.class)))
    @APIResponse(responseCode = "404", description = "No reminder was sent with this token")
    public Uni<Preferences> unsubscribe(@Valid @NotNull UnsubscribeRequest request) {
        return pool.preparedQuery("""
                        UPDATE recipient SET reminders = false
                         WHERE user_id = (SELECT recipient_id FROM notification WHERE unsubscribe_hash = $1)
                        RETURNING reminders""")
                .execute(Tuple.of(Buffer.buffer(OpaqueTokens.sha256(request.token()))))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw ApiException.notFound("no reminder was sent with this unsubscribe link");
                    }
                    return new Preferences(false);
                });
    }
}
