package io.loyaltybridge.domain.ledger.batch;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.badges.GrantedBadges;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Badges of one batch's members; only the difference from the stored ones is written. */
final class BatchBadges implements GrantedBadges {
    private final Map<MemberId, Set<String>> stored;
    private final Map<MemberId, Map<String, Instant>> held = new HashMap<>();

    BatchBadges(Snapshot snapshot) {
        this.stored = snapshot.badges();
        stored.forEach((member, badges) -> badges.forEach(b -> held.computeIfAbsent(member, m -> new HashMap<>())
                .put(b, null)));
    }

    @Override
    public Map<MemberId, Set<String>> of(Collection<MemberId> members) {
        Map<MemberId, Set<String>> of = new HashMap<>();
        members.forEach(m -> {
            if (held.containsKey(m) && !held.get(m).isEmpty()) {
                of.put(m, new TreeSet<>(held.get(m).keySet()));
            }
        });
        return of;
    }

    @Override
    public boolean grant(MemberId member, String badge, Instant at) {
        Map<String, Instant> badges = held.computeIfAbsent(member, m -> new HashMap<>());
        if (badges.containsKey(badge)) {
            return false;
        }
        badges.put(badge, at);
        return true;
    }

    @Override
    public void revoke(MemberId member, String badge) {
        held.getOrDefault(member, new HashMap<>()).remove(badge);
    }

    /** Held now and not stored (a badge revoked and granted again is written as granted again). */
    Map<MemberId, Map<String, Instant>> granted() {
        Map<MemberId, Map<String, Instant>> granted = new HashMap<>();
        held.forEach((member, badges) -> badges.forEach((badge, at) -> {
            if (at != null) {
                granted.computeIfAbsent(member, m -> new HashMap<>()).put(badge, at);
            }
        }));
        return granted;
    }

    /** Stored and revoked; a badge granted again in the batch is in both lists (deleted, then inserted anew). */
    Map<MemberId, Set<String>> revoked() {
        Map<MemberId, Set<String>> revoked = new HashMap<>();
        stored.forEach((member, badges) -> badges.forEach(badge -> {
            Map<String, Instant> now = held.getOrDefault(member, Map.of());
            if (!now.containsKey(badge) || now.get(badge) != null) {
                revoked.computeIfAbsent(member, m -> new TreeSet<>()).add(badge);
            }
        }));
        return revoked;
    }
}
