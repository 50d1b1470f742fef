package io.loyaltybridge.sandbox.salesforce;

import io.loyaltybridge.sandbox.salesforce.pubsub.Bitmaps;
import org.apache.avro.generic.GenericRecord;
import org.apache.camel.Exchange;
import org.apache.camel.component.salesforce.SalesforceConstants;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Change events a test route received, decoded the way our connector will read them. */
final class Events {
    /** One received event: its header fields with bitmaps expanded to field names, the body and its replay id. */
    record Received(String changeType, List<String> recordIds, String changeOrigin, List<String> changedFields,
                    List<String> nulledFields, GenericRecord body, String replayId) {
        Object field(String name) {
            Object v = body.get(name);
            return v == null ? null : v instanceof CharSequence cs ? cs.toString() : v;
        }
    }

    private final BlockingQueue<Received> queue = new LinkedBlockingQueue<>();

    @SuppressWarnings("unchecked")
    void collect(Exchange exchange) {
        GenericRecord body = exchange.getIn().getBody(GenericRecord.class);
        GenericRecord h = (GenericRecord) body.get("ChangeEventHeader");
        List<String> ids = new ArrayList<>();
        ((List<CharSequence>) h.get("recordIds")).forEach(id -> ids.add(id.toString()));
        queue.add(new Received(h.get("changeType").toString(), ids, h.get("changeOrigin").toString(),
                Bitmaps.decode(body.getSchema(), (List<CharSequence>) h.get("changedFields")),
                Bitmaps.decode(body.getSchema(), (List<CharSequence>) h.get("nulledFields")), body,
                exchange.getIn().getHeader(SalesforceConstants.HEADER_SALESFORCE_PUBSUB_REPLAY_ID, String.class)));
    }

    Received next() throws InterruptedException {
        Received r = queue.poll(10, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no change event within 10 s");
        }
        return r;
    }

    /** Nothing more arrives within {@code wait}. */
    boolean quietFor(Duration wait) throws InterruptedException {
        return queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS) == null;
    }

    /** Waits until the sandbox has seen closed streams go, so a count taken next is not stale. */
    static void awaitStreamsAtMost(SalesforceSandbox sf, int streams) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sf.openPubSubStreams() > streams) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("a closed subscriber's stream is still open");
            }
            Thread.sleep(20);
        }
    }

    static void awaitStreams(SalesforceSandbox sf, int streams) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sf.openPubSubStreams() < streams) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("subscriber did not connect");
            }
            Thread.sleep(20);
        }
    }
}
