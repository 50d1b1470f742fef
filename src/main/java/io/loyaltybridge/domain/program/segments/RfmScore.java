package io.loyaltybridge.domain.program.segments;

/** Recency, frequency and monetary scores from 1 (bottom fifth of members) to 5 (top fifth). */
public record RfmScore(int recency, int frequency, int monetary) {
    /** Frequency and monetary together, rounded half up: they move together and the segment table uses both. */
    public int frequencyMonetary() {
        return (frequency + monetary + 1) / 2;
    }
}
