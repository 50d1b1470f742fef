package io.loyaltybridge.hubspot;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import io.loyaltybridge.sync.ContactIngest;
import io.loyaltybridge.sync.CrmWriter;
import io.loyaltybridge.sync.ErrorClass;
import io.loyaltybridge.sync.FieldMap;
import io.loyaltybridge.sync.InboundContact;
import io.loyaltybridge.sync.OrderIngest;
import io.loyaltybridge.sync.OutboxPusher;
import io.loyaltybridge.sync.ProfileAttribute;
import io.loyaltybridge.sync.PushRecord;
import io.loyaltybridge.sync.PushResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One member known in Salesforce and in HubSpot gets the same profile in both. The Salesforce side is played by
 * the sync engine itself (a contact ingested with system "salesforce", pushed through a recording writer), as the
 * Salesforce connector is built elsewhere.
 */
class TwoCrmsTest {
    private static final FieldMap SALESFORCE = salesforceFields();

    @Test
    void a_member_with_a_salesforce_and_a_hubspot_identity_gets_the_same_profile_pushed_to_both() {
        long[] id = new long[1];
        try (HubSpotWorld w = HubSpotWorld.start(false, o -> o, Map.of(), hs -> {
            id[0] = hs.admin().createContact("dual@example.com", "Dual", "Crm");
            hs.admin().createOrder(id[0], FirstSyncTest.order("80", "delivered"));
        })) {
            HubSpotWorld.eventually(Duration.ofSeconds(15), () -> w.inSync(id[0]));
            MemberId member = w.memberOf(id[0]).orElseThrow();
            var core = w.app.core();
            var orders = new OrderIngest(core.transactions(), core.syncStores(), core.ledgerService());
            new ContactIngest(core.transactions(), core.syncStores(), Map.of("salesforce", SALESFORCE), orders)
                    .apply(List.of(new InboundContact("salesforce", "0035g00000AbCdE", "DUAL@example.com", "Dual",
                            "Crm", null, null, false, Instant.now(), Map.of())), null);
            assertThat(core.memberService().profile(member).member().identities()).hasSize(2);

            // A purchase reported to the core changes the profile shown in both CRMs.
            var answer = new Http(w.app.baseUrl(), TestApp.TOKEN).post("/api/orders", """
                    {"source": "shop", "externalId": "S-1", "member": {"crm": {"system": "hubspot", "externalId": "%d"}},
                     "total": "20", "currency": "EUR", "placedAt": "2026-11-01T10:00:00Z", "status": "completed",
                     "lines": [{"sku": "X", "category": "misc", "quantity": 1, "unitPrice": "20"}]}""".formatted(id[0]));
            assertThat(answer.status()).isEqualTo(201);
            Recorder salesforce = new Recorder();
            var pusher = new OutboxPusher(core.transactions(), core.profiles(), core.syncStores().deadLetters(),
                    core.syncStores().sources(), core.clock());
            // Drain Salesforce's outbox until the order shows: a row the order's transaction (or a hold after a
            // read) still keeps is skipped by one drain and taken by a later one.
            HubSpotWorld.eventually(Duration.ofSeconds(15), () -> {
                while (pusher.pushOnce(salesforce, SALESFORCE).members() > 0) {
                    // drain
                }
                Map<String, String> shown = salesforce.fields.get("0035g00000AbCdE");
                return shown != null && "100".equals(shown.get(SALESFORCE.fields().get(ProfileAttribute.POINTS)));
            });
            HubSpotWorld.eventually(Duration.ofSeconds(15), () -> w.points(member) == 100 && w.inSync(id[0]));

            Map<String, String> hubspot = w.shown(id[0]);
            Map<String, String> sf = salesforce.fields.get("0035g00000AbCdE");
            HubSpotWorld.fieldMap().fields().forEach((attribute, hsName) -> {
                if (attribute != ProfileAttribute.UPDATED_AT) {
                    String sfName = SALESFORCE.fields().get(attribute);
                    assertThat(sf.get(sfName)).as(attribute.key()).isEqualTo(hubspot.get(hsName));
                }
            });
            assertThat(hubspot.get("loyalty_points")).isEqualTo("100");
            assertThat(w.batchUpdates()).isEqualTo(2);
            w.assertLedgerAndSpecs();
        }
    }

    private static FieldMap salesforceFields() {
        Map<ProfileAttribute, String> fields = new EnumMap<>(ProfileAttribute.class);
        for (ProfileAttribute a : ProfileAttribute.values()) {
            fields.put(a, "Loyalty_" + a.name() + "__c");
        }
        return new FieldMap(fields);
    }

    /** Salesforce as far as this test needs it: what was written to each record, field by field. */
    private static final class Recorder implements CrmWriter {
        final Map<String, Map<String, String>> fields = new HashMap<>();

        @Override
        public String system() {
            return "salesforce";
        }

        @Override
        public int maxBatch() {
            return 200;
        }

        @Override
        public List<PushResult> write(List<PushRecord> records) {
            records.forEach(r -> fields.computeIfAbsent(r.externalId(), k -> new HashMap<>()).putAll(r.fields()));
            return records.stream().map(r -> PushResult.success(r.externalId())).toList();
        }

        @Override
        public ErrorClass classify(Exception failure) {
            return ErrorClass.RETRIABLE;
        }
    }
}
