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
}
