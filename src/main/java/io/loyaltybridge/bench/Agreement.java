package io.loyaltybridge.bench;

import io.loyaltybridge.app.Core;
import io.loyaltybridge.domain.member.LoyaltyProfile;
import io.loyaltybridge.domain.member.MemberId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Whether what a CRM shows on each contact is what the core holds for its member. */
final class Agreement {
    private Agreement() {
    }

    /** Contacts whose stored points or member id differ from the core's (0 when converged). */
    static long disagreeing(BenchCrm crm, Core core, BenchDatabase db) {
        Map<String, Long> memberOf = identities(crm.system(), db);
        List<String> contacts = crm.contacts();
        long wrong = 0;
        for (int from = 0; from < contacts.size(); from += 1000) {
            List<String> chunk = contacts.subList(from, Math.min(contacts.size(), from + 1000));
            List<MemberId> ids = new ArrayList<>();
            chunk.stream().map(memberOf::get).filter(Objects::nonNull).forEach(m -> ids.add(new MemberId(m)));
            Map<MemberId, LoyaltyProfile> profiles = core.transactions().read(() -> core.profiles().of(ids));
            for (String contact : chunk) {
                Long member = memberOf.get(contact);
                LoyaltyProfile profile = member == null ? null : profiles.get(new MemberId(member));
                Long points = crm.pointsShown(contact);
                boolean agrees = profile != null && points != null && points == profile.points()
                        && member.toString().equals(crm.memberIdShown(contact));
                wrong += agrees ? 0 : 1;
            }
        }
        return wrong;
    }

    private static Map<String, Long> identities(String system, BenchDatabase db) {
        Map<String, Long> memberOf = new HashMap<>();
        try (Connection c = db.connect(); PreparedStatement p = c.prepareStatement(
                "SELECT external_id, member_id FROM member_identities WHERE system = ?")) {
            p.setString(1, system);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    memberOf.put(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read member identities", e);
        }
        return memberOf;
    }
}
