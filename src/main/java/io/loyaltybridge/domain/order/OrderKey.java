package io.loyaltybridge.domain.order;

/** An order is the same order when it comes from the same source with the same external id. */
public record OrderKey(String source, String externalId) {
    public OrderKey {
        if (source == null || source.isBlank() || externalId == null || externalId.isBlank()) {
            throw new IllegalArgumentException("an order key needs a source and an external id");
        }
    }

    @Override
    public String toString() {
        return source + "/" + externalId;
    }
}
