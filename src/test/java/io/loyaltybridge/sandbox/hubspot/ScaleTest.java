package io.loyaltybridge.sandbox.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Seeding and throughput at a size that fits the suite's time budget; the bytes per record printed here are what
 * the full 100 000 contacts / 1 000 000 orders scale extrapolates from (run with -Dhubspot.scale=10 to see it).
 */
class ScaleTest extends SandboxFixture {
    private static final int FACTOR = Integer.getInteger("hubspot.scale", 1);

    @Override
    protected SandboxOptions options() {
        return super.options().tenSecondLimit(1_000_000).dailyLimit(Integer.MAX_VALUE);
    }

    @Test
    void seededContactsAndOrdersAreRealisticAndCompact() {
        long before = usedHeap();
        long[] contacts = hs.admin().seed(10_000 * FACTOR, 100_000 * FACTOR);
        long after = usedHeap();
        double perOrderShare = (after - before) / (double) (contacts.length + 100_000L * FACTOR);
        System.out.printf("HubSpot sandbox: %d contacts + %d orders use %.1f MB, %.0f bytes per record%n",
                contacts.length, 100_000L * FACTOR, (after - before) / 1e6, perOrderShare);
        assertThat(perOrderShare).isLessThan(400);
        assertThat(hs.admin().count(ObjectType.ORDERS)).isEqualTo(100_000L * FACTOR);

        var cancelled = http.post("/crm/v3/objects/orders/search", """
                {"filterGroups":[{"filters":[{"propertyName":"hs_pipeline_stage","operator":"IN",
                 "values":["cancelled","refunded"]}]}],"sorts":[],"properties":[],"limit":1,"after":"0"}""");
        int share = cancelled.json().get("total").asInt() * 100 / (100_000 * FACTOR);
        assertThat(share).isBetween(8, 16);
        var contact = hs.admin().contact(contacts[0]).orElseThrow();
        assertThat(contact.get("email")).endsWith("@example.com");
        assertThat(contact).containsKeys("firstname", "lastname", "date_of_birth");
    }

    @Test
    void theSandboxAnswersThousandsOfRequestsASecond() throws Exception {
        long id = hs.admin().createContact("ann@example.com", "Ann", "Meyer");
        Vertx vertx = Vertx.vertx();
        try {
            HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                    new PoolOptions().setHttp1MaxSize(32));
            RequestOptions get = new RequestOptions().setHost("127.0.0.1").setPort(hs.port())
                    .setURI("/crm/v3/objects/contacts/" + id).putHeader("Authorization", "Bearer " + TOKEN);
            burst(client, get, 2_000);
            int n = 10_000;
            long start = System.nanoTime();
            List<Integer> statuses = burst(client, get, n);
            double perSecond = n / ((System.nanoTime() - start) / 1e9);
            System.out.printf("HubSpot sandbox: %.0f GET requests per second%n", perSecond);
            assertThat(statuses).containsOnly(200);
            assertThat(perSecond).isGreaterThan(1000);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static List<Integer> burst(HttpClient client, RequestOptions get, int n) throws Exception {
        List<Future<Integer>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(client.request(get).compose(r -> r.send()).compose(r -> r.body().map(b -> r.statusCode())));
        }
        Future.all(all).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        return all.stream().map(Future::result).toList();
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
