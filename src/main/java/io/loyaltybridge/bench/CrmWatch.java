package io.loyaltybridge.bench;

import io.loyaltybridge.app.Core;
import io.loyaltybridge.domain.member.LoyaltyProfile;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.sandbox.salesforce.SalesforceSandbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the Salesforce sandbox itself saw, independent of our code: its call counters (writes are the composite
 * calls) and the loyalty fields stored on each contact, compared between two moments or against the core.
 */
final class CrmWatch {
    static final String POINTS = "Loyalty_Points__c";
    static final String MEMBER_ID = "Loyalty_Member_Id__c";
    private final SalesforceSandbox sf;
    private final List<String> contacts;

    CrmWatch(SalesforceSandbox sf, List<String> contacts) {
        this.sf = sf;
        this.contacts = contacts;
    }

    /** Write calls served since the counters were last reset (composite updates and creates). */
    long writeCalls() {
        return sf.calls().count("composite.update") + sf.calls().count("composite.create");
    }

    /**
     * A fingerprint of every contact's loyalty fields as the sandbox stores them now, in contact order: a hash per
     * contact rather than the fields, so a 100 000-contact run does not hold three copies of them.
     */
    int[] snapshot() {
        int[] prints = new int[contacts.size()];
        for (int i = 0; i < prints.length; i++) {
            Map<String, Object> loyalty = new TreeMap<>();
            sf.admin().read(contacts.get(i)).forEach((field, value) -> {
                if (field.startsWith("Loyalty_") && value != null) {
                    loyalty.put(field, value);
                }
            });
            prints[i] = loyalty.hashCode();
        }
        return prints;
    }

    /** Contacts whose loyalty fields differ between two snapshots: the "changed" of the minimum write count. */
    static long changed(int[] before, int[] after) {
        long changed = 0;
        for (int i = 0; i < after.length; i++) {
            changed += before[i] == after[i] ? 0 : 1;
        }
        return changed;
    }

    /** Contacts whose stored points or member id differ from the core's (0 when converged). */
    long disagreeing(Core core, BenchDatabase db) {
        Map<String, Long> memberOf = new HashMap<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT external_id, member_id FROM member_identities"
                     + " WHERE system = 'salesforce'")) {
            while (rs.next()) {
                memberOf.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read member identities", e);
        }
        long wrong = 0;
        for (int from = 0; from < contacts.size(); from += 1000) {
            List<String> chunk = contacts.subList(from, Math.min(contacts.size(), from + 1000));
            List<MemberId> ids = new ArrayList<>();
            chunk.stream().map(memberOf::get).filter(java.util.Objects::nonNull).forEach(m -> ids.add(new MemberId(m)));
            Map<MemberId, LoyaltyProfile> profiles = core.transactions().read(() -> core.profiles().of(ids));
            for (String contact : chunk) {
                Long member = memberOf.get(contact);
                Map<String, Object> shown = sf.admin().read(contact);
                LoyaltyProfile profile = member == null ? null : profiles.get(new MemberId(member));
                boolean agrees = profile != null && shown.get(POINTS) instanceof Number n
                        && n.longValue() == profile.points() && member.toString().equals(shown.get(MEMBER_ID));
                wrong += agrees ? 0 : 1;
            }
        }
        return wrong;
    }

    /** Loyalty points the sandbox shows on a contact (null before the first push). */
    Long pointsShown(String contact) {
        return sf.admin().field(contact, POINTS) instanceof Number n ? n.longValue() : null;
    }
}
