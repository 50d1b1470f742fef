package io.loyaltybridge.salesforce;

import io.loyaltybridge.store.PgStreamStops;
import io.loyaltybridge.store.PgSyncSources;
import io.loyaltybridge.store.Transactions;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams (Contact, Order) stopped by a permanent error: the org refuses what the configuration asks for (a field
 * it does not have, an object the user cannot read), and asking again at every poll would only spend API calls.
 * The reason is stored with a digest of the configuration and org shape; it shows in /api/sync/status, on the
 * status page and in readiness, and the stream stays stopped, across restarts too, until a start finds that
 * digest changed.
 */
final class Stops {
    private static final Logger LOG = LoggerFactory.getLogger(Stops.class);
    /** Codes that are permanent for one request but not for the stream: an expired cursor is read afresh. */
    private static final Set<String> NOT_FOR_THE_STREAM = Set.of("INVALID_QUERY_LOCATOR", "QUERY_TIMEOUT");
    private static final Pattern COLUMN = Pattern.compile("No such column '([\\w.]+)' on (?:entity|sobject of type)"
            + " '?(\\w+)'?");

    private final Transactions tx;
    private final PgStreamStops store;
    private final PgSyncSources sources;
    private final Set<String> stopped = ConcurrentHashMap.newKeySet();
    private volatile String config;

    Stops(Transactions tx, PgStreamStops store, PgSyncSources sources) {
        this.tx = tx;
        this.store = store;
        this.sources = sources;
    }

    /** At start, once the org's shape is known: lifts stops made under another configuration, keeps the rest. */
    void startWith(String configDigest) {
        this.config = configDigest;
        tx.inTransaction(() -> {
            int lifted = store.liftUnless(ContactRecords.SYSTEM, configDigest);
            if (lifted > 0) {
                LOG.info("Salesforce: the configuration changed; {} stopped stream(s) will be tried again", lifted);
            }
            store.of(ContactRecords.SYSTEM).forEach(s -> {
                stopped.add(s.object());
                LOG.warn("Salesforce {} stream stays stopped: {} (change the configuration to try again)",
                        s.object(), s.reason());
            });
            return null;
        });
    }

    boolean stopped(String object) {
        return stopped.contains(object);
    }

    /** Whether this failure stops the stream: permanent, and not a matter of one request (a cursor). */
    static boolean stopsStream(Throwable failure) {
        if (SalesforceErrors.classify(failure) != io.loyaltybridge.sync.ErrorClass.PERMANENT) {
            return false;
        }
        SalesforceException sf = salesforceException(failure);
        return sf != null && !NOT_FOR_THE_STREAM.contains(SalesforceErrors.errorCode(sf));
    }

    void stop(String object, Throwable failure) {
        stop(object, reason(failure));
    }

    void stop(String object, String reason) {
        stopped.add(object);
        tx.inTransaction(() -> {
            store.stop(ContactRecords.SYSTEM, object, reason, config == null ? "" : config);
            sources.failed(ContactRecords.SYSTEM, object, "stopped: " + reason);
            return null;
        });
        LOG.error("Salesforce {} stream stopped: {}. It is not retried until the configuration changes (then"
                + " restart).", object, reason);
    }

    /**
     * What the org said, without record data: the operation, HTTP status and error code, and for a missing field
     * its name (Salesforce's message quotes our query, which holds ids, so it is not kept whole).
     */
    static String reason(Throwable failure) {
        SalesforceException sf = salesforceException(failure);
        String operation = failure instanceof SalesforceApi.ApiFailure api ? api.operation() : "call";
        if (sf == null) {
            return operation + " failed permanently";
        }
        StringBuilder reason = new StringBuilder(operation).append(" refused by Salesforce: ")
                .append(SalesforceErrors.errorCode(sf)).append(" (HTTP ").append(sf.getStatusCode()).append(')');
        Matcher column = COLUMN.matcher(String.valueOf(sf.getMessage()));
        if (column.find()) {
            reason.append(": no field ").append(column.group(1)).append(" on ").append(column.group(2));
        }
        return reason.toString();
    }

    private static SalesforceException salesforceException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SalesforceException sf) {
                return sf;
            }
        }
        return null;
    }
}
