package io.loyaltybridge.salesforce;

import io.loyaltybridge.app.ClusterSettings;
import io.loyaltybridge.app.Config;
import io.loyaltybridge.app.Core;
import io.loyaltybridge.app.StartupException;
import io.loyaltybridge.store.PgSyncSources;
import io.loyaltybridge.sync.ContactIngest;
import io.loyaltybridge.sync.ApiBudgets;
import io.loyaltybridge.sync.FieldMap;
import io.loyaltybridge.sync.Leadership;
import io.loyaltybridge.sync.OrderIngest;
import io.loyaltybridge.sync.OutboxPusher;
import io.loyaltybridge.sync.ProfileAttribute;
import io.loyaltybridge.sync.PushDrain;
import io.loyaltybridge.sync.SyncStores;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.support.LifecycleStrategySupport;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The connector's parts over the core's sync engine, built once from the configuration. */
final class Connector {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Connector.class);
    final PollRound poll;
    final PushRound push;
    final EventIngest events;
    final EventStreams streams;
    final ContactReader reader;
    final SalesforceNotifier notifier;
    final PersonAccounts persons;
    final SurveyStream surveys;
    private final LazyTemplate template = new LazyTemplate();
    private final SalesforceApi api;
    private final OrderRecords orders;
    private final FieldMap fields;
    private final Stops stops;
    private final String settings;

    Connector(Core core, Config config) {
        SyncStores stores = core.syncStores();
        PgSyncSources sources = stores.sources();
        FieldMap fields = fieldMap(config);
        ApiLimits limits = new ApiLimits(config.get(SalesforceSettings.LIMIT_SHARE),
                Duration.ofSeconds(config.get(SalesforceSettings.SLOW_SECONDS)), core.clock());
        SalesforceApi api = new SalesforceApi(template, limits, config.get(SalesforceSettings.API_VERSION));
        this.api = api;
        this.fields = fields;
        this.settings = settingsDigest(config);
        this.stops = new Stops(core.transactions(), new io.loyaltybridge.store.PgStreamStops(core.transactions()),
                sources);
        OrderIngest orderIngest = new OrderIngest(core.transactions(), stores, core.ledgerService(), core.clock(),
                core.settleLanes());
        Inbound inbound = new Inbound(core.transactions(), new ContactIngest(core.transactions(), stores,
                Map.of(ContactRecords.SYSTEM, fields), orderIngest), orderIngest, core.ingestLock());
        PersonAccounts persons = new PersonAccounts(api);
        this.persons = persons;
        ContactRecords contacts = new ContactRecords(fields, persons);
        OrderRecords orders = new OrderRecords(OrderMapping.from(config), persons);
        this.orders = orders;
        IncrementalPoll reader = new IncrementalPoll(api, core.transactions(), sources, inbound, contacts, orders,
                Duration.ofSeconds(config.get(SalesforceSettings.LOOKBACK_SECONDS)));
        Backfill backfill = new Backfill(new BulkJobs(api, config.get(SalesforceSettings.BULK_PAGE)),
                core.transactions(), sources, inbound, contacts, orders, config.get(SalesforceSettings.BATCH),
                config.get(SalesforceSettings.BACKFILL), core.progress());
        boolean cdc = config.get(SalesforceSettings.CDC);
        this.poll = new PollRound(reader, backfill, limits, core.transactions(), sources,
                Duration.ofSeconds(config.get(SalesforceSettings.POLL_SECONDS)), core.clock(),
                !cdc || backfill.pending() || !replayIdsStored(core), api::reads, stops, () -> checkOrgShape(false));
        this.push = new PushRound(new PushDrain(core.transactions(), new OutboxPusher(core.transactions(),
                core.profiles(), stores.deadLetters(), sources, core.clock()), new ContactWriter(api, fields, persons),
                fields, Duration.ofMillis(config.get(SalesforceSettings.PUSH_LINGER_MS)),
                Duration.ofMillis(config.get(SalesforceSettings.PUSH_READ_HOLD_MS)),
                !config.get(ClusterSettings.ENABLED), config.get(SalesforceSettings.PUSH_PARALLEL)), limits,
                poll::running,
                () -> poll.running() && backfill.pending(), core.progress()::stopping);
        this.events = new EventIngest(reader, inbound, new EchoFilter(config.secret("SALESFORCE_CLIENT_ID"),
                new HashSet<>(fields.fields().values())), core.transactions(), sources, poll::requestCatchUp, stops,
                persons, new EchoFilter(config.secret("SALESFORCE_CLIENT_ID"), fields.fields().values().stream()
                        .map(PersonAccounts::accountField).collect(java.util.stream.Collectors.toSet())));
        this.reader = new ContactReader(api, fields);
        this.surveys = new SurveyStream(config.get(SurveySettings.ENABLED), api, core.feedback(),
                core.transactions(), sources, Duration.ofSeconds(config.get(SalesforceSettings.LOOKBACK_SECONDS)),
                config.get(SurveySettings.BATCH_SIZE), core.ingestLock());
        this.notifier = new SalesforceNotifier(api, "platform-event".equals(
                config.get(io.loyaltybridge.notify.NotifySettings.SALESFORCE_MODE)));
        core.apiBudgets().registerShape(ContactRecords.SYSTEM, persons::shape);
        core.apiBudgets().register(ContactRecords.SYSTEM, () -> limits.limit() > 0
                ? Optional.of(new ApiBudgets.Budget(limits.used(), limits.limit(), "day")) : Optional.empty());
        this.streams = new EventStreams(config.get(SalesforceSettings.PUBSUB_PLAINTEXT), core.transactions(), sources,
                poll::requestCatchUp, leadership(core, config), persons);
    }

    /** With several instances on one database, only the lease holder subscribes to change events. */
    private static Leadership leadership(Core core, Config config) {
        if (!config.get(ClusterSettings.ENABLED) || !config.get(SalesforceSettings.CDC)) {
            return null;
        }
        return new Leadership(core.transactions(), "salesforce-change-events", Leadership.newHolder(),
                Duration.ofSeconds(config.get(ClusterSettings.LEASE_SECONDS)));
    }

    /**
     * Registered as the context's own component (not a registry bean found on first use), so it starts, and logs
     * in, with the context: two timer threads resolving it at once would each see it half made.
     */
    void attach(CamelContext context, SalesforceComponent component) {
        template.context = context;
        context.addComponent("salesforce", component);
        context.getPropertiesComponent().addPropertiesFunction(streams.replayFunction());
        // Stop the streams (and hand their lease back) as the context begins to stop: Main's afterStop listener
        // does not run when the application stops Camel itself, so a stopped instance kept its lease until expiry.
        context.addLifecycleStrategy(LifecycleStrategySupport.adapt(
                LifecycleStrategySupport.onCamelContextStopping(stopping -> streams.stop())));
        try {
            context.addStartupListener((camel, alreadyStarted) -> {
                if (checkOrgShape(true)) {
                    poll.shapeChecked();
                }
            });
            context.addStartupListener(streams);
        } catch (Exception e) {
            throw new IllegalStateException("cannot register the Salesforce event streams", e);
        }
    }

    /**
     * Runs once the component has logged in, before any read: the org must have every field the configuration
     * names (else the start is refused, every problem named), and a single-currency org is adapted to. When the
     * org cannot be described right now (an outage, a limit), the start goes on and the poll checks before its
     * first read; problems found then stop both streams instead. Answers whether the check is done.
     */
    private boolean checkOrgShape(boolean atStart) {
        OrgShape.Result shape;
        try {
            shape = OrgShape.check(api, orders.mapping(), fields, settings);
        } catch (RuntimeException e) {
            if (SalesforceErrors.classify(e) == io.loyaltybridge.sync.ErrorClass.PERMANENT) {
                if (atStart) {
                    throw new StartupException("Salesforce: cannot describe the org: " + Stops.reason(e), e);
                }
                stopAll("cannot describe the org: " + Stops.reason(e));
                return true;
            }
            LOG.warn("Salesforce: the org could not be described yet ({}); reads wait until it can",
                    io.loyaltybridge.sync.LogSafe.describe(e));
            return false;
        }
        if (!shape.problems().isEmpty()) {
            if (atStart) {
                throw StartupException.of(shape.problems());
            }
            stopAll("the configuration does not fit the org: " + String.join("; ", shape.problems()));
            return true;
        }
        if (shape.note() != null) {
            LOG.info("Salesforce: {}", shape.note());
        }
        orders.adapt(shape.mapping());
        persons.learn(shape.personAccounts());
        stops.startWith(shape.fingerprint());
        return true;
    }

    private void stopAll(String reason) {
        stops.startWith("");
        stops.stop(IncrementalPoll.CONTACT, reason);
        stops.stop(IncrementalPoll.ORDER, reason);
    }

    /** Every loyalty.salesforce.* value (secrets are not among them): a stopped stream waits for this to change. */
    private static String settingsDigest(Config config) {
        StringBuilder all = new StringBuilder();
        SalesforceSettings.ALL.forEach(s -> all.append(s.name()).append('=').append(config.get(s)).append(';'));
        return all.toString();
    }

    static FieldMap fieldMap(Config config) {
        Map<ProfileAttribute, String> fields = new EnumMap<>(ProfileAttribute.class);
        SalesforceSettings.FIELDS.forEach((attribute, setting) -> {
            String field = config.get(setting);
            if (!"none".equals(field)) {
                fields.put(attribute, field);
            }
        });
        return new FieldMap(fields);
    }

    private static boolean replayIdsStored(Core core) {
        return core.transactions().read(() -> EventStreams.ROUTES.values().stream().allMatch(object ->
                core.syncStores().sources().get(ContactRecords.SYSTEM, object)
                        .map(s -> s.replayId() != null).orElse(false)));
    }

    /** Camel's context exists only once Main configures it; the template is made on first use, after start. */
    private static final class LazyTemplate implements Supplier<ProducerTemplate> {
        volatile CamelContext context;
        private volatile ProducerTemplate template;

        @Override
        public ProducerTemplate get() {
            if (template == null) {
                synchronized (this) {
                    if (template == null) {
                        template = context.createProducerTemplate();
                    }
                }
            }
            return template;
        }
    }
}
