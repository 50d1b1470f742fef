package io.loyaltybridge.domain;

/**
 * Long work reporting how far it got. {@link Board#start} opens one; the application logs and shows it.
 */
public interface Progress {
    void advance(long done);

    void finish();

    /** The work ended before it was done (an error, a stop): shown as stopped with what it did, never as done. */
    void stop();

    /** Where long work registers itself. */
    interface Board {
        Progress start(String work, long total);
    }

    /**
     * Thrown from {@link #advance} once the app is stopping: long work (a backfill holds one Camel exchange for
     * minutes) ends at its next step instead of outliving Camel's graceful shutdown. It is picked up again at the
     * next start, as after any interruption.
     */
    final class Stopped extends RuntimeException {
        public Stopped(String work) {
            super("the app is stopping; '" + work + "' continues at the next start", null, false, false);
        }
    }
}
