package io.loyaltybridge.hubspot;

import io.loyaltybridge.sandbox.hubspot.ObjectType;
import io.loyaltybridge.sandbox.hubspot.V3Signature;
import io.loyaltybridge.support.Db;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the webhook endpoint does with bodies HubSpot would never send, signed or not: malformed JSON and a body that
 * is not an array are refused with 400, a huge body with 413, events of the wrong shape are skipped, and the good
 * event in the same delivery still applies. Nothing else changes.
 */
class BadWebhooksTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String IDENTITIES = "SELECT member_id, system, external_id, deleted FROM member_identities"
            + " ORDER BY external_id";
    private static final String MEMBERS = "SELECT id, email, first_name, last_name, birth_date FROM members"
            + " ORDER BY id";

    @Test
    void malformed_oversized_and_misshapen_deliveries_change_nothing_and_the_good_event_among_them_still_applies()
            throws Exception {
        long[] ids = new long[2];
        try (HubSpotWorld w = HubSpotWorld.start(false, o -> o, Map.of(), hs -> {
            ids[0] = hs.admin().createContact("stay@example.com", "Stay", "Here");
            ids[1] = hs.admin().createContact("leave@example.com", "Leave", "Soon");
        })) {
            HubSpotWorld.eventually(Duration.ofSeconds(20), () -> w.inSync(ids[0]) && w.inSync(ids[1]));
            List<String> members = Db.rows(w.url, MEMBERS);
            List<String> identities = Db.rows(w.url, IDENTITIES);

            assertThat(post(w, "[{\"eventId\": 1, \"subscriptionType\": ", true).statusCode()).isEqualTo(400);
            assertThat(post(w, "{\"eventId\": 2, \"subscriptionType\": \"contact.deletion\", \"objectId\": "
                    + ids[0] + "}", true).statusCode()).isEqualTo(400);
            assertThat(post(w, "", true).statusCode()).isEqualTo(400);
            String huge = "[" + ("{\"eventId\": 3, \"pad\": \"" + "x".repeat(1000) + "\"},").repeat(5000) + "{}]";
            assertThat(post(w, huge, true).statusCode()).isEqualTo(413);
            assertThat(post(w, huge, false).statusCode()).isIn(401, 413);
            HubSpotWorld.throughout(Duration.ofMillis(500), () ->
                    Db.rows(w.url, IDENTITIES).equals(identities));

            // Wrong types and shapes beside one good deletion: the misfits are skipped, the deletion applies.
            w.hs.admin().archive(ObjectType.CONTACTS, ids[1]);
            long now = System.currentTimeMillis();
            String mixed = "[42, \"text\", null, [], "
                    + "{\"eventId\": \"x\", \"subscriptionType\": \"contact.creation\", \"objectId\": \"abc\","
                    + " \"occurredAt\": \"yesterday\"},"
                    + "{\"eventId\": 501, \"subscriptionType\": \"contact.propertyChange\", \"objectId\": {},"
                    + " \"occurredAt\": " + now + ", \"propertyName\": 7},"
                    + "{\"eventId\": 502, \"subscriptionType\": \"object.creation\", \"objectTypeId\": \"0-123\","
                    + " \"objectId\": -5, \"occurredAt\": " + now + "},"
                    + "{\"eventId\": 503, \"subscriptionType\": \"contact.deletion\", \"objectId\": " + ids[1]
                    + ", \"occurredAt\": " + now + ", \"portalId\": 62515, \"appId\": 4242,"
                    + " \"subscriptionId\": 1, \"attemptNumber\": 0, \"changeSource\": \"CRM_UI\"}]";
            assertThat(post(w, mixed, true).statusCode()).isEqualTo(200);
            HubSpotWorld.eventually(Duration.ofSeconds(20), () -> Db.longValue(w.url, "SELECT count(*) FROM"
                    + " member_identities WHERE deleted AND external_id = '" + ids[1] + "'") == 1);
            assertThat(Db.rows(w.url, MEMBERS)).isEqualTo(members);
            assertThat(Db.count(w.url, "dead_letters")).isZero();
            assertThat(w.inSync(ids[0])).isTrue();
            w.assertLedgerAndSpecs();
        }
    }

    private static HttpResponse<String> post(HubSpotWorld w, String body, boolean signed) throws Exception {
        long now = System.currentTimeMillis();
        String url = HubSpotWorld.webhookUrl(w.port);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header(V3Signature.TIMESTAMP_HEADER, Long.toString(now))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signed) {
            b.header(V3Signature.HEADER, V3Signature.sign(HubSpotWorld.APP_SECRET, "POST", url, body, now));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
