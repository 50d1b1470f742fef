package io.loyaltybridge.notify;

/** Where notifications go (a CRM, the webhook subscribers). */
public interface Channel {
    /** As stored on each delivery row: salesforce, hubspot, webhook. */
    String name();

    /** Sends one notification; returns the peer's HTTP status when there is one. Throws {@link DeliveryFailure}. */
    Integer send(Notification notification);

    /** A delivery that did not go through; {@code permanent} ones are not tried again. */
    final class DeliveryFailure extends RuntimeException {
        private final boolean permanent;
        private final Integer status;

        public DeliveryFailure(String message, boolean permanent, Integer status) {
            super(message);
            this.permanent = permanent;
            this.status = status;
        }

        public boolean permanent() {
            return permanent;
        }

        public Integer status() {
            return status;
        }
    }
}
