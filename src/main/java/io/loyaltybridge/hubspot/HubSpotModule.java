package io.loyaltybridge.hubspot;

import io.loyaltybridge.app.Config;
import io.loyaltybridge.app.Core;
import io.loyaltybridge.app.Setting;
import io.loyaltybridge.app.StartupException;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.segments.Offer;
import io.loyaltybridge.domain.program.segments.RfmSegments;
import io.loyaltybridge.domain.program.tiers.DowngradeRisk;
import io.loyaltybridge.domain.program.tiers.Tiers;
import io.loyaltybridge.notify.Channel;
import io.loyaltybridge.sync.ApiBudgets;
import io.loyaltybridge.sync.ContactIngest;
import io.loyaltybridge.sync.OrderIngest;
import io.loyaltybridge.sync.OutboxPusher;
import io.loyaltybridge.sync.ProfileAttribute;
import io.loyaltybridge.sync.PushDrain;
import io.loyaltybridge.sync.SyncStores;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;

/**
 * The HubSpot connector's configuration keys, secrets and wiring into Camel. The application calls
 * {@link #wire} once, before Camel starts; the connector is off unless configured. Its routes
 * (routes/hubspot-*.camel.yaml) always load, and start only when loyalty.hubspot.enabled is true.
 */
public final class HubSpotModule {
    private static final Logger LOG = LoggerFactory.getLogger(HubSpotModule.class);

    /** Every loyalty.hubspot.* key. */
    public static final List<Setting<?>> SETTINGS = java.util.stream.Stream.of(HubSpotSettings.all(),
            WebhookInboxSettings.ALL, FeedbackSettings.ALL).flatMap(List::stream).toList();

    /** Environment variables holding HubSpot secrets, and what each is for. */
    public static final Map<String, String> SECRETS = Map.of(
            "HUBSPOT_ACCESS_TOKEN", "HubSpot private app token (loyalty.hubspot.auth=private-app)",
            "HUBSPOT_APP_SECRET", "HubSpot app's client secret, which signs webhook requests (X-HubSpot-Signature-v3)",
            "HUBSPOT_CLIENT_ID", "HubSpot OAuth client id (loyalty.hubspot.auth=oauth)",
            "HUBSPOT_CLIENT_SECRET", "HubSpot OAuth client secret (loyalty.hubspot.auth=oauth)",
            "HUBSPOT_REFRESH_TOKEN", "HubSpot OAuth refresh token of the installed account (loyalty.hubspot.auth=oauth)");

    private HubSpotModule() {
    }

    /** Returns the notification channel into HubSpot (used when loyalty.notify.hubspot.enabled is true). */
    public static Channel wire(Main camel, Core core, Config config) {
        // Route files read these as {{placeholders}}, so every key is published, defaults included.
        for (Setting<?> setting : SETTINGS) {
            Object value = config.get(setting);
            if (value != null) {
                camel.addInitialProperty(setting.name(), value.toString());
            }
        }
        HubSpotOptions options = HubSpotOptions.from(config);
        HubSpotAuth auth = options.enabled() ? auth(options, config) : HubSpotAuth.privateApp(null);
        RateLimiter limiter = new RateLimiter(options.sharePercent(), options.searchesPerSecond(),
                options.pauseAfter429Ms(), core.clock());
        HubSpotClient client = new HubSpotClient(limiter, auth);
        camel.bind("hubspotHttpClientConfigurer", HubSpotClient.NO_AUTOMATIC_RETRIES);
        camel.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport main) {
                client.attach(main.getCamelContext());
            }
        });

        SyncStores stores = core.syncStores();
        OrderIngest orderIngest = new OrderIngest(core.transactions(), stores, core.ledgerService(), core.clock(),
                core.settleLanes());
        ContactIngest contactIngest = new ContactIngest(core.transactions(), stores,
                Map.of(ContactMapper.SYSTEM, options.fieldMap()), orderIngest);
        OutboxPusher pusher = new OutboxPusher(core.transactions(), core.profiles(), stores.deadLetters(),
                stores.sources(), core.clock());
        ContactMapper contacts = new ContactMapper(options.fieldMap(), options.birthDateProperty(),
                config.get(HubSpotSettings.CONSENT_OPTOUT_PROPERTY), config.get(HubSpotSettings.CONSENT_PROPERTY));
        OrderMapper orders = new OrderMapper(options, core.program().currency().code());
        HubSpotReads reads = new HubSpotReads(client, contacts, orders, options.orderObject(),
                config.get(HubSpotSettings.LINE_CATEGORY_PROPERTY));
        HubSpotAccount account = new HubSpotAccount(client, options, orders, limiter);
        if (options.enabled()) {
            // At start, before the first cycle: the account's time zone and the pipelines' stage ids. A configured
            // stage no pipeline has stops the start (the cycle would load them too, but late and only logged).
            camel.addMainListener(new MainListenerSupport() {
                @Override
                public void afterConfigure(BaseMainSupport main) {
                    try {
                        main.getCamelContext().addStartupListener(startupCheck(account));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });

        }
        EchoFilter echoes = new EchoFilter();
        Lock ingestLock = core.ingestLock();
        PropertyProvisioner provisioner = new PropertyProvisioner(client, options.fieldMap(), options.propertyGroup(),
                Map.of(ProfileAttribute.TIER, tierNames(core.program().tiers()),
                        ProfileAttribute.PROJECTED_TIER, tierNames(core.program().tiers()),
                        ProfileAttribute.SEGMENT, RfmSegments.ALL,
                        ProfileAttribute.DOWNGRADE_RISK, DowngradeRisk.wireNames(),
                        ProfileAttribute.NEXT_BEST_OFFER, offerMessages(core.program()),
                        ProfileAttribute.NPS_CATEGORY, java.util.Arrays.stream(
                                io.loyaltybridge.domain.feedback.NpsCategory.values())
                                .map(io.loyaltybridge.domain.feedback.NpsCategory::wireName).toList()));

        HubSpotSync sync = new HubSpotSync(options, client, account, provisioner, reads, contacts, orders,
                contactIngest, orderIngest, stores, core.transactions(), echoes, ingestLock, core.progress());
        camel.bind("hubspotSync", sync);
        // Survey answers: a stream of its own (route hubspot-feedback), into the feedback store.
        camel.bind("hubspotFeedback", new FeedbackStream(config.get(FeedbackSettings.ENABLED), client,
                config.get(FeedbackSettings.BATCH_SIZE), options.lookbackSeconds(),
                java.time.Duration.ofMillis(config.get(FeedbackSettings.MISSING_SCOPE_RETRY_MS)), core.feedback(),
                stores, core.transactions(), ingestLock, core.progress(), core.clock()));
        camel.bind("hubspotPush", new HubSpotPush(new PushDrain(core.transactions(), pusher,
                new HubSpotWriter(client, options.fieldMap(), echoes), options.fieldMap(),
                java.time.Duration.ofMillis(config.get(HubSpotSettings.PUSH_LINGER_MS)),
                java.time.Duration.ofMillis(config.get(HubSpotSettings.PUSH_READ_HOLD_MS)),
                !config.get(io.loyaltybridge.app.ClusterSettings.ENABLED)), sync, limiter, core.progress()::stopping));
        camel.bind("hubspotWebhookReceiver", new WebhookReceiver(new WebhookSignature(
                config.secret("HUBSPOT_APP_SECRET"), Clock.systemUTC()), options.webhookUrl(), core.transactions(),
                e -> WebhookEvents.changesNothing(e, options.fieldMap(), options.appId(),
                        options.deals() ? "0-3" : "0-123")));
        // Each stored delivery asks for a drain on this thread, so the request is answered without waiting for it.
        camel.bind("hubspotWebhookOrder", java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "hubspot-webhook-process");
            thread.setDaemon(true);
            return thread;
        }));
        camel.bind("hubspotWebhookDrain", new WebhookDrain(core.transactions(), new WebhookProcessor(options, reads,
                contactIngest, orderIngest, core.transactions(), echoes, ingestLock),
                WebhookInboxSettings.policy(config)));
        camel.bind("hubspotWebhookDeliveries", new WebhookDeliveries());
        if (options.enabled()) {
            core.crmReaders().register(new ContactReader(reads, options.fieldMap()));
            core.apiBudgets().register(ContactMapper.SYSTEM, () -> limiter.daily()
                    .map(d -> new ApiBudgets.Budget(d[0], d[1], "day")));
            java.time.ZoneId programZone = core.program().zone();
            core.apiBudgets().registerPause(ContactMapper.SYSTEM, () -> limiter.dailyPauseUntil()
                    .map(until -> new ApiBudgets.Pause(until, "daily limit reached, resumes at "
                            + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(
                                    until.atZone(programZone)) + " (" + programZone.getId() + ")")));
            LOG.info("HubSpot connector on: {} at {}, orders from {}, webhooks verified for {}",
                    options.oauth() ? "OAuth" : "private app token", options.baseUrl(), options.orderObject(),
                    options.webhookUrl());
        }
        return options.enabled() ? new HubSpotNotifier(client, options.propertyGroup()) : null;
    }

    /** Reads the account and the pipelines once Camel runs; a failure stops Camel and so the start. */
    private static StartupListener startupCheck(HubSpotAccount account) {
        return new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
                try {
                    account.load();
                } catch (RateLimiter.DailyBudgetSpent | HubSpotException unreachable) {
                    // HubSpot can't answer now (day's limit spent, down): the first cycle that gets through reads
                    // them. Only a configuration the pipelines refute stops the start.
                    LOG.warn("HubSpot account details not read at start ({}); the sync reads them first",
                            unreachable.getMessage());
                }
            }
        };
    }

    /** The attributes HubSpot shows (a contact property mapped), none when the connector is off. */
    public static java.util.Set<ProfileAttribute> shown(Config config) {
        return config.get(HubSpotSettings.ENABLED) ? HubSpotOptions.from(config).fieldMap().fields().keySet()
                : java.util.Set.of();
    }

    /** The secrets the configured auth mode needs that the environment lacks (checked before anything starts). */
    public static List<String> problems(Config config) {
        if (!config.get(HubSpotSettings.ENABLED)) {
            return List.of();
        }
        boolean oauth = config.get(HubSpotSettings.AUTH).equals("oauth");
        List<String> missing = new ArrayList<>();
        List<String> needed = oauth
                ? List.of("HUBSPOT_CLIENT_ID", "HUBSPOT_CLIENT_SECRET", "HUBSPOT_REFRESH_TOKEN")
                : List.of("HUBSPOT_ACCESS_TOKEN");
        needed.forEach(variable -> {
            if (config.secret(variable) == null) {
                missing.add(variable + " is not set (needed with loyalty.hubspot.enabled=true and loyalty.hubspot.auth="
                        + (oauth ? "oauth" : "private-app") + ")");
            }
        });
        return missing;
    }

    private static HubSpotAuth auth(HubSpotOptions options, Config config) {
        List<String> missing = problems(config);
        if (!missing.isEmpty()) {
            throw StartupException.of(missing);
        }
        if (config.secret("HUBSPOT_APP_SECRET") == null) {
            LOG.warn("HUBSPOT_APP_SECRET is not set: every HubSpot webhook request will be refused (401)");
        }
        return options.oauth()
                ? HubSpotAuth.oauth(config.secret("HUBSPOT_CLIENT_ID"), config.secret("HUBSPOT_CLIENT_SECRET"),
                        config.secret("HUBSPOT_REFRESH_TOKEN"), Clock.systemUTC())
                : HubSpotAuth.privateApp(config.secret("HUBSPOT_ACCESS_TOKEN"));
    }

    private static List<String> tierNames(Tiers tiers) {
        return tiers.levels().stream().map(Tiers.TierLevel::name).toList();
    }

    /** The next-best offer shows the offer's message, so the messages are the enumeration's options. */
    private static List<String> offerMessages(Program program) {
        return program.offers().stream().map(Offer::message).filter(java.util.Objects::nonNull).distinct().toList();
    }
}
