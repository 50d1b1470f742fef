package io.loyaltybridge.notify;

import io.loyaltybridge.api.ApiGuard;
import io.loyaltybridge.api.NotificationsApi;
import io.loyaltybridge.app.Config;
import io.loyaltybridge.app.Core;
import io.loyaltybridge.app.StartupException;
import io.loyaltybridge.domain.notify.ExpiryReminders;
import io.loyaltybridge.store.PgConsent;
import io.loyaltybridge.store.PgDeliveries;
import io.loyaltybridge.store.PgNotifyProfiles;
import io.loyaltybridge.store.PgWebhookSubscriptions;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * Wires notifications: templates (checked now, so a bad one stops the start), the channels switched on, the
 * dispatcher the routes drain queues with, and the API. The CRM channels come from their connectors' modules.
 */
public final class NotificationsModule {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationsModule.class);

    private NotificationsModule() {
    }

    /** {@code crmChannels}: the CRM channels the connectors offer (built whether or not they are switched on). */
    public static void wire(Main camel, Core core, Config config, ApiGuard guard, Path workDir,
                            Map<String, Channel> crmChannels) {
        for (var setting : NotifySettings.ALL) {
            Object value = config.get(setting);
            if (value != null) {
                camel.addInitialProperty(setting.name(), value.toString());
            }
        }
        Templates templates = templates(workDir.resolve(config.get(NotifySettings.TEMPLATES)));
        var tx = core.transactions();
        PgWebhookSubscriptions subscriptions = new PgWebhookSubscriptions(tx);
        PgDeliveries deliveries = new PgDeliveries(tx);
        Map<String, Channel> on = new HashMap<>();
        NotifyOptions options = NotifySettings.options(config);
        WebhookTargets targets = new WebhookTargets(config.get(NotifySettings.ALLOW_PRIVATE_TARGETS));
        for (String crm : options.crmChannels()) {
            Channel channel = crmChannels.get(crm);
            if (channel == null) {
                throw new StartupException("loyalty.notify." + crm + ".enabled is true but the " + crm
                        + " connector is off (set loyalty." + crm + ".enabled = true)");
            }
            on.put(crm, channel);
        }
        if (options.webhooks()) {
            on.put("webhook", new WebhookChannel(tx, subscriptions,
                    Duration.ofMillis(config.get(NotifySettings.WEBHOOK_TIMEOUT_MS)), core.clock(), targets));
        }
        Dispatcher dispatcher = new Dispatcher(tx, deliveries, new PgNotifyProfiles(tx,
                core.program().tiers().lowest().name()), templates, new Dispatcher.Policy(
                config.get(NotifySettings.BATCH), Duration.ofSeconds(config.get(NotifySettings.LEASE_SECONDS)),
                Duration.ofMillis(config.get(NotifySettings.RETRY_BASE_MS)), config.get(NotifySettings.MAX_ATTEMPTS)),
                core.clock());
        camel.bind("notifications", new Notifications(dispatcher, on, new ExpiryReminders(core.program(), tx,
                core.members(), core.ledger(), options.events(tx), core.clock())));
        camel.bind("notificationsApi", new NotificationsApi(guard, tx, subscriptions, deliveries, new PgConsent(tx),
                WebhookSignatures::newSecret, core.clock(), targets::refusal));
        if (!on.isEmpty()) {
            LOG.info("Notifications on: {}", new ArrayList<>(on.keySet()).stream().sorted().toList());
        }
    }

    private static Templates templates(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new StartupException("missing notification templates " + file + " (set "
                    + NotifySettings.TEMPLATES.name() + ")");
        }
        try {
            return Templates.load(file);
        } catch (Templates.TemplateException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }
}
