package io.loyaltybridge.sync;

/** What a batch did: records taken in, skipped as already seen, and dead-lettered. */
public record IngestReport(int taken, int skipped, int deadLettered) {
    public IngestReport plus(IngestReport other) {
        return new IngestReport(taken + other.taken, skipped + other.skipped, deadLettered + other.deadLettered);
    }

    public static final IngestReport NONE = new IngestReport(0, 0, 0);
}
