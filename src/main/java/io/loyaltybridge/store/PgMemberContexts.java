package io.loyaltybridge.store;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.earning.MemberContext;
import io.loyaltybridge.domain.program.earning.MemberContexts;
import io.loyaltybridge.domain.program.tiers.TierPolicy;
import io.loyaltybridge.domain.program.tiers.TierState;

import java.sql.Array;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** A member's earning context from their stored tier, segments and campaign totals, in one query. */
public final class PgMemberContexts implements MemberContexts {
    private final Sql sql;
    private final TierPolicy tiers;
    private final String lowestTier;
    private final ZoneId zone;
    private final Clock clock;

    /** @param zone and {@code clock} tell the day, which says whether a staff tier grant still holds */
    public PgMemberContexts(Transactions transactions, TierPolicy tiers, String lowestTier, ZoneId zone,
                            Clock clock) {
        this.sql = new Sql(transactions);
        this.tiers = tiers;
        this.lowestTier = lowestTier;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public MemberContext current(MemberId member) {
        return sql.one("SELECT t.tier, t.held_since, t.below_since, " + PgTierGrants.COLUMNS + ", s.segments,"
                        + " (SELECT jsonb_object_agg(campaign_id, points) FROM member_campaign_points c"
                        + "   WHERE c.member_id = m.id)::text AS campaigns"
                        + " FROM members m LEFT JOIN member_tiers t ON t.member_id = m.id"
                        + " LEFT JOIN tier_grants g ON g.member_id = m.id AND g.ended_at IS NULL"
                        + " LEFT JOIN member_segments s ON s.member_id = m.id WHERE m.id = ?",
                row -> {
                    String tier = row.getString("tier") == null ? lowestTier
                            : tiers.effectiveTier(new TierState(row.getString("tier"),
                            row.getDate("held_since").toLocalDate(), null, PgTierGrants.grant(row)),
                            clock.instant().atZone(zone).toLocalDate());
                    Array array = row.getArray("segments");
                    Set<String> segments = array == null ? Set.of()
                            : new LinkedHashSet<>(Arrays.asList((String[]) array.getArray()));
                    return new MemberContext(tier, segments, EarnContextJson.campaigns(row.getString("campaigns")));
                }, member.value()).orElse(MemberContext.inTier(lowestTier));
    }

    @Override
    public void addCampaignPoints(MemberId member, Map<String, Long> delta) {
        for (Map.Entry<String, Long> e : new HashMap<>(delta).entrySet()) {
            sql.update("INSERT INTO member_campaign_points (member_id, campaign_id, points) VALUES (?, ?, ?)"
                    + " ON CONFLICT (member_id, campaign_id) DO UPDATE SET"
                    + " points = member_campaign_points.points + excluded.points",
                    member.value(), e.getKey(), e.getValue());
        }
    }
}
