package io.loyaltybridge.hubspot;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.support.Db;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Contacts merged or erased in HubSpot, told to the core by HubSpot's webhooks. */
class MergeAndPrivacyTest {

    @Test
    void a_merged_away_contact_stops_being_synced_and_a_privacy_deletion_erases_the_member_but_keeps_the_ledger() {
        long[] c = new long[3];
        try (HubSpotWorld w = HubSpotWorld.start(true, o -> o, Map.of(), hs -> {
            c[0] = hs.admin().createContact("ann@example.com", "Ann", null);
            c[1] = hs.admin().createContact("ann.old@example.com", "Annie", "Meyer");
            c[2] = hs.admin().createContact("bob@example.com", "Bob", "Private");
            hs.admin().createOrder(c[0], FirstSyncTest.order("100", "delivered"));
            hs.admin().createOrder(c[1], FirstSyncTest.order("40", "delivered"));
            hs.admin().createOrder(c[2], FirstSyncTest.order("70", "delivered"));
        })) {
            HubSpotWorld.eventually(Duration.ofSeconds(15), () -> w.inSync(c[0]) && w.inSync(c[1]) && w.inSync(c[2]));
            assertThat(w.batchUpdates()).isEqualTo(1);
            MemberId ann = w.memberOf(c[0]).orElseThrow();
            MemberId annOld = w.memberOf(c[1]).orElseThrow();
            MemberId bob = w.memberOf(c[2]).orElseThrow();

            w.hs.admin().mergeContacts(c[0], c[1]);
            w.hs.admin().privacyDelete(c[2]);

            HubSpotWorld.eventually(Duration.ofSeconds(15), () -> deleted(w, c[1]) && w.memberOf(c[2]).isEmpty());
            // The primary keeps showing its own member; nothing changed for it, so nothing is pushed.
            HubSpotWorld.throughout(Duration.ofMillis(800), () -> w.inSync(c[0]) && w.batchUpdates() == 1);
            assertThat(w.points(ann)).isEqualTo(100);
            assertThat(w.points(annOld)).isEqualTo(40);

            // Bob is erased: no name, no email, no link to his HubSpot id; his points and orders remain.
            var erased = w.app.core().memberService().profile(bob).member();
            assertThat(erased.email()).isNull();
            assertThat(erased.firstName()).isNull();
            assertThat(erased.lastName()).isNull();
            assertThat(w.points(bob)).isEqualTo(70);
            assertThat(Db.longValue(w.url, "SELECT count(*) FROM member_identities WHERE external_id = '"
                    + sha256(c[2]) + "' AND deleted AND member_id = " + bob.value())).isEqualTo(1);
            // Nothing read late (a search page fetched before the deletion) brings Bob back as a new member.
            HubSpotWorld.throughout(Duration.ofMillis(600), () -> w.memberOf(c[2]).isEmpty() && Db.longValue(w.url,
                    "SELECT count(*) FROM members WHERE email = 'bob@example.com' OR first_name = 'Bob'") == 0);
            assertThat(w.hs.admin().contact(c[2])).isEmpty();
            // The erasure is in the audit log, asked for by HubSpot.
            assertThat(Db.longValue(w.url, "SELECT count(*) FROM audit_log WHERE actor = 'hubspot'"
                    + " AND action = 'member.erased' AND member_id = " + bob.value())).isEqualTo(1);
            w.assertLedgerAndSpecs();
        }
    }

    private static String sha256(long contactId) {
        try {
            return "erased:" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Long.toString(contactId).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean deleted(HubSpotWorld w, long contactId) {
        return Db.longValue(w.url, "SELECT count(*) FROM member_identities WHERE system = 'hubspot' AND deleted"
                + " AND external_id = '" + contactId + "'") == 1;
    }
}
