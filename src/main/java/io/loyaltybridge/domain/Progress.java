package io.loyaltybridge.domain;

/**
 * Long work reporting how far it got. {@link Board#start} opens one; the application logs and shows it.
 */
public interface Progress {
    void advance(long done);

    void finish();

    /** Where long work registers itself. */
    interface Board {
        Progress start(String work, long total);
    }
}
