package io.loyaltybridge.hubspot;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HubSpot answers 400 past the 10 000th result of one search: the sync must start new windows at the last
 * modified time seen instead. Here the cursor is gone (a re-sync) and 10 000 contacts come back that the core
 * already knows in this very version; the 50 changed after them sort last, beyond the cap of a single search.
 */
class SearchCapTest {
    private static final int KNOWN = 10_000;
    private static final int NEW = 50;

    @Test
    void fifty_contacts_beyond_the_ten_thousandth_search_result_are_read_by_starting_a_new_search_window() {
        List<Long> fresh = new ArrayList<>();
        try (HubSpotWorld w = HubSpotWorld.start(false, o -> o, Map.of(), (hs, url) -> {
            long[] known = hs.admin().seed(KNOWN, 0);
            alreadyTakenIn(url, known, hs);
            for (int i = 0; i < NEW; i++) {
                fresh.add(hs.admin().createContact("late" + i + "@example.com", "Late" + i, "Comer"));
            }
        })) {
            HubSpotWorld.eventually(Duration.ofSeconds(40), () -> w.batchUpdates() >= 1
                    && fresh.stream().allMatch(w::inSync));
            HubSpotWorld.throughout(Duration.ofMillis(500), () -> w.batchUpdates() == 1);
            assertThat(w.identities()).isEqualTo(KNOWN + NEW);
            // Fifty pages reach the 10 000th result; the windows go on from the last time seen and find the rest.
            assertThat(w.hs.calls().calls("POST /crm/v3/objects/contacts/search")).isGreaterThanOrEqualTo(51);
            // Never a page past the cap (400), and never more than five searches a second (429).
            assertThat(w.proxy.exchanges()).noneMatch(e -> e.status() == 400 || e.status() == 429);
            w.assertLedgerAndSpecs();
        }
    }

    /** The core as a previous sync left it: a member per contact, at the contact's current version. */
    private static void alreadyTakenIn(String url, long[] contacts, io.loyaltybridge.sandbox.hubspot.HubSpotSandbox hs) {
        try (Connection c = DriverManager.getConnection(url)) {
            Map<Long, Long> memberOf = new HashMap<>();
            try (PreparedStatement members = c.prepareStatement(
                    "INSERT INTO members (email) SELECT unnest(?::text[]) RETURNING id, email")) {
                String[] emails = new String[contacts.length];
                for (int i = 0; i < contacts.length; i++) {
                    emails[i] = "known" + contacts[i] + "@example.com";
                }
                members.setArray(1, c.createArrayOf("text", emails));
                try (ResultSet rows = members.executeQuery()) {
                    while (rows.next()) {
                        memberOf.put(Long.parseLong(rows.getString(2).replaceAll("\\D", "")), rows.getLong(1));
                    }
                }
            }
            try (PreparedStatement link = c.prepareStatement("INSERT INTO member_identities"
                    + " (system, external_id, member_id, source_modified_at) VALUES ('hubspot', ?, ?, ?)")) {
                for (long id : contacts) {
                    String modified = hs.admin().contact(id).orElseThrow().get("lastmodifieddate");
                    link.setString(1, Long.toString(id));
                    link.setLong(2, memberOf.get(id));
                    link.setTimestamp(3, Timestamp.from(Instant.parse(modified)));
                    link.addBatch();
                }
                link.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
