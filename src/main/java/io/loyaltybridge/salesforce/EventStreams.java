package io.loyaltybridge.salesforce;

import io.loyaltybridge.sync.LogSafe;
import io.loyaltybridge.store.PgSyncSources;
import io.loyaltybridge.store.Transactions;
import io.loyaltybridge.sync.Leadership;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.StartupListener;
import org.apache.camel.component.salesforce.InvalidReplayIdException;
import org.apache.camel.component.salesforce.PubSubApiConsumer;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.spi.PropertiesFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Starts and, when needed, replaces the change event routes. Their from-URIs take the replay position from
 * {@code {{salesforce-replay:<object>}}}: the stored replay id when there is one, else LATEST. The routes are
 * declared not to start on their own because the Pub/Sub consumer must be set up first (plaintext for a local
 * peer, our error handler). A replay id Salesforce no longer knows (older than 72 h, or corrupt) would make camel
 * resubscribe with it forever; instead the stored id is dropped, the route is built anew (now at LATEST) and a
 * catch-up poll is brought forward, which reads from the poll cursor everything the stream cannot replay.
 */
final class EventStreams implements StartupListener {
    private static final Logger LOG = LoggerFactory.getLogger(EventStreams.class);
    static final Map<String, String> ROUTES = Map.of("salesforce-contact-events", IncrementalPoll.CONTACT,
            "salesforce-order-events", IncrementalPoll.ORDER);
    /** Person accounts' own change events; its replay id is kept as the Account source. */
    static final String ACCOUNT_ROUTE = "salesforce-account-events";

    private final boolean plaintext;
    private final Transactions tx;
    private final PgSyncSources sources;
    private final Runnable catchUp;
    private final ExecutorService recovery = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "salesforce-stream-recovery");
        t.setDaemon(true);
        return t;
    });
    private final Leadership leadership;
    private volatile CamelContext context;
    private final PersonAccounts persons;

    /** {@code leadership} null: a single instance, the streams start with the context. */
    EventStreams(boolean plaintext, Transactions tx, PgSyncSources sources, Runnable catchUp, Leadership leadership,
                 PersonAccounts persons) {
        this.persons = persons;
        this.leadership = leadership;
        this.plaintext = plaintext;
        this.tx = tx;
        this.sources = sources;
        this.catchUp = catchUp;
    }

    PropertiesFunction replayFunction() {
        return new PropertiesFunction() {
            @Override
            public String getName() {
                return "salesforce-replay";
            }

            @Override
            public String apply(String object) {
                byte[] stored = tx.read(() -> sources.get(ContactRecords.SYSTEM, object))
                        .map(PgSyncSources.Source::replayId).orElse(null);
                return stored == null ? "replayPreset=LATEST"
                        : "replayPreset=CUSTOM&pubSubReplayId=RAW(" + Base64.getEncoder().encodeToString(stored) + ")";
            }
        };
    }

    @Override
    public void onCamelContextStarted(CamelContext camelContext, boolean alreadyStarted) {
        // the routes start once the whole context is up: see onCamelContextFullyStarted
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext camelContext, boolean alreadyStarted) throws Exception {
        this.context = camelContext;
        if (leadership == null) {
            for (String routeId : routes()) {
                start(routeId);
            }
            return;
        }
        // Several instances: one subscriber is enough (each would ingest every event and store its own replay id),
        // so the streams run where the database lease is. A lease rather than Camel's master component: the routes
        // are set up and rebuilt here anyway, and the lease lives in the database every instance already shares,
        // with no extra cluster service to configure. Both routes are rebuilt on taking over, so that their
        // {{salesforce-replay}} resolves now, to the replay id the previous holder stored last.
        leadership.start(new Leadership.Duty() {
            @Override
            public void gained() throws Exception {
                for (String routeId : routes()) {
                    rebuild(routeId);
                    start(routeId);
                }
            }

            @Override
            public void lost() throws Exception {
                for (String routeId : routes()) {
                    if (context.getRoute(routeId) != null) {
                        context.getRouteController().stopRoute(routeId);
                    }
                }
            }
        });
    }

    /**
     * The streams to run: Contact and Order, and Account in an org with person accounts (Salesforce publishes a
     * person's change on both Account and Contact; see {@link ReadOnce}). Should describing Account fail, the
     * Contact stream still carries every person's changes, and the Account stream is left off.
     */
    private java.util.List<String> routes() {
        java.util.List<String> routes = new java.util.ArrayList<>(ROUTES.keySet());
        try {
            if (persons.enabled()) {
                routes.add(ACCOUNT_ROUTE);
            }
        } catch (RuntimeException e) {
            LOG.warn("Salesforce org shape unknown ({}); the Account change event stream stays off",
                    LogSafe.describe(e));
        }
        return routes;
    }

    /** Removes the route and adds its definition again, so its endpoint URI (and replay position) is resolved anew. */
    private void rebuild(String routeId) throws Exception {
        if (context.getRoute(routeId) == null) {
            return;
        }
        Model model = context.getCamelContextExtension().getContextPlugin(Model.class);
        RouteDefinition definition = model.getRouteDefinition(routeId);
        context.getRouteController().stopRoute(routeId);
        context.removeRoute(routeId);
        model.addRouteDefinition(definition);
    }

    private void start(String routeId) throws Exception {
        Route route = context.getRoute(routeId);
        if (route == null) {
            return; // change events are off
        }
        PubSubApiConsumer consumer = (PubSubApiConsumer) route.getConsumer();
        consumer.setUsePlainTextConnection(plaintext);
        consumer.setExceptionHandler(new StreamErrors(routeId));
        context.getRouteController().startRoute(routeId);
    }

    private void replace(String routeId) {
        String object = ROUTES.getOrDefault(routeId, EventIngest.ACCOUNT);
        try {
            tx.inTransaction(() -> {
                sources.replayId(ContactRecords.SYSTEM, object, null);
                sources.failed(ContactRecords.SYSTEM, object, "stored replay id no longer valid; caught up by poll");
                return null;
            });
            rebuild(routeId);
            start(routeId);
            catchUp.run();
            LOG.warn("Salesforce {} events resumed at LATEST after an invalid replay id; a catch-up poll follows",
                    object);
        } catch (Exception e) {
            LOG.error("Salesforce {} event stream could not be restarted", object, e);
        }
    }

    void stop() {
        if (leadership != null) {
            leadership.close();
        }
        recovery.shutdownNow();
    }

    /** What the Pub/Sub consumer reports. */
    private final class StreamErrors implements ExceptionHandler {
        private final String routeId;

        StreamErrors(String routeId) {
            this.routeId = routeId;
        }

        @Override
        public void handleException(Throwable exception) {
            handleException(null, null, exception);
        }

        @Override
        public void handleException(String message, Throwable exception) {
            handleException(message, null, exception);
        }

        @Override
        public void handleException(String message, Exchange exchange, Throwable exception) {
            if (exception instanceof InvalidReplayIdException) {
                recovery.submit(() -> replace(routeId));
                // Thrown on purpose: camel would otherwise resubscribe with the same dead replay id, again and again.
                throw new StreamReplaced(routeId);
            }
            // The stack stays at DEBUG: its messages may quote the record (see LogSafe).
            LOG.warn("Salesforce event route {}: {}", routeId, message == null ? LogSafe.describe(exception) : message);
            LOG.debug("Salesforce event route {} failure in full", routeId, exception);
        }
    }

    /** Ends the failed stream's own retry loop; the route is being replaced. */
    static final class StreamReplaced extends RuntimeException {
        StreamReplaced(String routeId) {
            super(routeId + " is being restarted at LATEST", null, false, false);
        }
    }
}
