package com.instainstru.notification.send;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import static com.instainstru.platform.time.Utc.utc;

import com.instainstru.notification.infra.NotificationConfig;
import com.instainstru.notification.mail.Due;
import com.instainstru.notification.mail.Messages;
import com.instainstru.platform.security.OpaqueTokens;
import com.instainstru.platform.work.Rounds;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Sends due messages, exactly once per row however many pods run. Each message is sent in its own transaction:
 * its row is locked ({@code FOR UPDATE SKIP LOCKED}: another pod skips it and takes the next), the SMTP server is
 * asked to take the message while the lock is held, and only once it has accepted it is the row marked sent, in
 * the same transaction. A server that refuses or does not answer leaves the row pending with a later attempt
 * (doubling from {@code notification.sender.min-backoff} up to {@code max-backoff}): nothing is lost and nothing
 * is marked sent that was not. A pod that dies between the server's acceptance and the commit is the one case of a
 * second copy: its lock goes with its connection and another pod sends the row again.
 */
@ApplicationScoped
public class Sender {

    private static final String CLAIM = """
            SELECT n.id, n.kind, n.role, n.subject_id, n.recipient_id, n.attempts, n.data::text AS data,
                   greatest(n.created_at, n.due_at) AS waiting_since, coalesce(n.data->>'to', r.email) AS email,
                   coalesce(n.data->>'name', r.name) AS name, coalesce(r.reminders, true) AS reminders, r.time_zone,
                   (SELECT o.name FROM recipient o WHERE o.user_id = (n.data->>'otherId')::uuid) AS other_name
              FROM notification n LEFT JOIN recipient r ON r.user_id = n.recipient_id
             WHERE n.status = 'pending' AND n.next_attempt_at <= $1
             ORDER BY n.next_attempt_at
             LIMIT 1
               FOR UPDATE OF n SKIP LOCKED""";

    @Inject
    Pool pool;

    @Inject
    ReactiveMailer mailer;

    @Inject
    Messages messages;

    @Inject
    NotificationConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    private final Rounds rounds = new Rounds(() -> sendDue().replaceWith(false),
            e -> Log.warnf("sending due messages failed (will retry): %s", e.toString()));
    private volatile boolean stopping;

    void stop(@Observes ShutdownEvent stop) {
        stopping = true;
    }

    /** Sends what is due now (right after the round under way, if one is): after a commit that claimed messages. */
    public void wake() {
        tick();
    }

    @Scheduled(every = "${notification.sender.interval:1s}", delayed = "1s")
    void tick() {
        if (!stopping) {
            rounds.ask();
        }
    }

    /** Sends what is due now, {@code concurrency} at a time, up to {@code batch-size}; answers how many rows it handled. */
    public Uni<Integer> sendDue() {
        int workers = config.sender().concurrency();
        int each = Math.max(1, config.sender().batchSize() / workers);
        return Multi.createFrom().range(0, workers)
                .onItem().transformToUni(w -> drain(each, 0)).merge(workers)
                .collect().asList().map(counts -> counts.stream().mapToInt(Integer::intValue).sum());
    }

    private Uni<Integer> drain(int left, int done) {
        if (left == 0 || stopping) {
            return Uni.createFrom().item(done);
        }
        return handleOne().flatMap(handled -> handled ? drain(left - 1, done + 1) : Uni.createFrom().item(done));
    }

    /** Claims one due row and settles it (sent, retried later, withdrawn or undeliverable); false: none was due. */
    Uni<Boolean> handleOne() {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> tx.preparedQuery(CLAIM).execute(Tuple.of(utc(now))).flatMap(rows -> {
            if (!rows.iterator().hasNext()) {
                return Uni.createFrom().item(false);
            }
            return settle(tx, due(rows.iterator().next()), now).replaceWith(true);
        }));
    }

    private Uni<Void> settle(SqlConnection tx, Due due, Instant now) {
        if (due.email() == null) {
            if (now.isAfter(due.waitingSince().plus(config.recipientWait()))) {
                return mark(tx, due, "undeliverable", "no address is known for the recipient");
            }
            return retry(tx, due, now, "the recipient's address is not known yet");
        }
        if (due.reminder() && !due.reminders()) {
            return mark(tx, due, "withdrawn", "reminders are off");
        }
        if (due.reminder() && !now.isBefore(due.lessonStart())) {
            return mark(tx, due, "withdrawn", "the lesson has begun");
        }
        // A reminder's unsubscribe link carries a token of its own; the row keeps only its hash.
        String unsubscribe = due.reminder() ? OpaqueTokens.newToken() : null;
        return Uni.createFrom().item(() -> messages.compose(due, unsubscribe))
                .flatMap(mail -> mailer.send(mail).ifNoItem().after(config.sender().sendTimeout()).fail())
                .flatMap(accepted -> unsubscribe == null ? mark(tx, due, "sent", null)
                        : tx.preparedQuery("UPDATE notification SET unsubscribe_hash = $2 WHERE id = $1")
                                .execute(Tuple.of(due.id(), Buffer.buffer(OpaqueTokens.sha256(unsubscribe))))
                                .chain(() -> mark(tx, due, "sent", null)))
                .onFailure().recoverWithUni(e -> retry(tx, due, now, e.toString()));
    }

    private Uni<Void> mark(SqlConnection tx, Due due, String status, String why) {
        // An account message's link token is kept only until the message is settled.
        return tx.preparedQuery("UPDATE notification SET status = $2, attempts = attempts + 1, last_error = $3, "
                        + "sent_at = CASE WHEN $2 = 'sent' THEN now() END, data = data - 'token' WHERE id = $1")
                .execute(Tuple.of(due.id(), status, why))
                .invoke(() -> count(due, status))
                .replaceWithVoid();
    }

    private Uni<Void> retry(SqlConnection tx, Due due, Instant now, String error) {
        Log.debugf("message %s (%s) not sent, attempt %d: %s", due.id(), due.kind(), due.attempts() + 1, error);
        return tx.preparedQuery("UPDATE notification SET attempts = attempts + 1, last_error = $2, next_attempt_at = $3 WHERE id = $1")
                .execute(Tuple.of(due.id(), error.length() > 500 ? error.substring(0, 500) : error,
                        utc(now.plus(backoff(due.attempts())))))
                .invoke(() -> count(due, "retried"))
                .replaceWithVoid();
    }

    /** The wait before the next attempt: min-backoff doubled per earlier failure, at most max-backoff. */
    Duration backoff(int failures) {
        Duration max = config.sender().maxBackoff();
        Duration wait = config.sender().minBackoff().multipliedBy(1L << Math.min(failures, 20));
        return wait.compareTo(max) > 0 ? max : wait;
    }

    private void count(Due due, String result) {
        registry.counter("notification.messages", "kind", due.reminder() ? "reminder" : due.kind(), "result", result)
                .increment();
    }

    private Due due(Row r) {
        try {
            return new Due(r.getUUID("id"), r.getString("kind"), r.getString("role"), r.getUUID("subject_id"),
                    r.getUUID("recipient_id"), r.getInteger("attempts"), json.readTree(r.getString("data")),
                    r.getOffsetDateTime("waiting_since").toInstant(), r.getString("email"), r.getString("name"),
                    r.getBoolean("reminders"), r.getString("other_name"), r.getString("time_zone"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notification " + r.getUUID("id") + " holds no JSON", e);
        }
    }
}
