package io.loyaltybridge.sync;

import io.loyaltybridge.domain.member.LoyaltyProfile;
import io.loyaltybridge.domain.member.MemberId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides what to send: for each CRM record of each member, the fields whose value differs from what that record
 * is known to hold. A record with no difference is left out, so an unchanged member costs no API call.
 */
final class PushPlanner {
    private PushPlanner() {
    }

    static List<PushRecord> plan(List<MemberId> members, Map<MemberId, List<String>> records,
                                 Map<MemberId, LoyaltyProfile> profiles, Map<String, Map<String, String>> known,
                                 FieldMap fieldMap, Instant now) {
        List<PushRecord> plan = new ArrayList<>();
        String stampField = fieldMap.fields().get(ProfileAttribute.UPDATED_AT);
        for (MemberId member : members) {
            LoyaltyProfile profile = profiles.get(member);
            if (profile == null) {
                continue;
            }
            Map<String, String> wanted = fieldMap.valuesOf(profile);
            for (String externalId : records.getOrDefault(member, List.of())) {
                Map<String, String> held = known.getOrDefault(externalId, Map.of());
                Map<String, String> changed = new LinkedHashMap<>();
                wanted.forEach((field, value) -> {
                    if (!held.containsKey(field) || !Objects.equals(held.get(field), value)) {
                        changed.put(field, value);
                    }
                });
                if (!changed.isEmpty()) {
                    if (stampField != null) {
                        changed.put(stampField, now.toString());
                    }
                    plan.add(new PushRecord(member, externalId, changed));
                }
            }
        }
        return plan;
    }
}
