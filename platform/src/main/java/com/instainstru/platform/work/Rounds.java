package com.instainstru.platform.work;

import io.smallrye.mutiny.Uni;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Background work done in rounds, one round at a time in the pod: {@link #ask()} starts a round, or, while one
 * runs, makes another follow it at once (however often it was asked meanwhile), so work asked for during a round
 * is never left for the next timer tick. A round answers whether more is waiting (a full batch): then another
 * follows too. A failed round is reported and not repeated; the caller's timer asks again.
 */
public final class Rounds {

    private final Supplier<Uni<Boolean>> round;
    private final Consumer<Throwable> failed;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    /**
     * @param round one round; its item says whether more is waiting
     * @param failed what to do with a round's failure (log it, count it)
     */
    public Rounds(Supplier<Uni<Boolean>> round, Consumer<Throwable> failed) {
        this.round = round;
        this.failed = failed;
    }

    public void ask() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        again.set(false);
        Uni.createFrom().<Boolean>deferred(round::get).subscribe().with(more -> {
            running.set(false);
            if (more || again.get()) {
                ask();
            }
        }, error -> {
            running.set(false);
            failed.accept(error);
        });
    }
}
