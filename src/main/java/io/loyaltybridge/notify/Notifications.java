package io.loyaltybridge.notify;

import io.loyaltybridge.domain.notify.ExpiryReminders;

import java.util.Map;

/** What routes/notifications.camel.yaml calls: each channel's queue drain, and the expiry reminders. */
public final class Notifications {
    private final Dispatcher dispatcher;
    private final Map<String, Channel> channels;
    private final ExpiryReminders reminders;

    /** {@code channels}: only those switched on; draining another one does nothing. */
    public Notifications(Dispatcher dispatcher, Map<String, Channel> channels, ExpiryReminders reminders) {
        this.dispatcher = dispatcher;
        this.channels = Map.copyOf(channels);
        this.reminders = reminders;
    }

    public int drain(String channel) {
        Channel target = channels.get(channel);
        return target == null ? 0 : dispatcher.drain(target);
    }

    public int expiryReminders() {
        return reminders.run();
    }
}
