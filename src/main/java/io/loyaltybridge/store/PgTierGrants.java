package io.loyaltybridge.store;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.tiers.TierGrant;
import io.loyaltybridge.domain.program.tiers.TierGrants;
import io.loyaltybridge.domain.program.tiers.Tiers;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Tier grants in PostgreSQL ({@code tier_grants}); opening or ending one queues the member for the CRMs. */
public final class PgTierGrants implements TierGrants {
    /** The columns {@link #grant} reads, for the queries here and the tier state's join. */
    static final String COLUMNS = "g.id AS grant_id, g.tier AS grant_tier, g.mode AS grant_mode, g.valid_until,"
            + " g.reason AS grant_reason, g.granted_by, g.granted_at, g.ended_at, g.ended_by, g.end_reason";
    private final Sql sql;
    private final PgOutbox outbox;

    public PgTierGrants(Transactions transactions) {
        this.sql = new Sql(transactions);
        this.outbox = new PgOutbox(transactions);
    }

    @Override
    public Optional<TierGrant> lockCurrent(MemberId member) {
        sql.one("SELECT 1 FROM member_tiers WHERE member_id = ? FOR UPDATE", row -> 1, member.value())
                .orElseThrow(() -> new StoreException("member " + member + " has no tier row to hang a grant on",
                        null));
        return sql.one("SELECT " + COLUMNS + " FROM tier_grants g WHERE g.member_id = ? AND g.ended_at IS NULL",
                PgTierGrants::grant, member.value());
    }

    @Override
    public TierGrant open(MemberId member, New g) {
        long id = sql.one("INSERT INTO tier_grants (member_id, tier, mode, valid_until, reason, granted_by, granted_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id", row -> row.getLong(1), member.value(), g.tier(),
                g.mode().name().toLowerCase(Locale.ROOT), g.until() == null ? null : Date.valueOf(g.until()),
                g.reason(), g.grantedBy(), g.grantedAt()).orElseThrow();
        outbox.mark(List.of(member));
        return new TierGrant(id, g.tier(), g.mode(), g.until(), g.reason(), g.grantedBy(), g.grantedAt(), null, null,
                null);
    }

    @Override
    public void end(long grant, Instant at, String by, String reason) {
        sql.one("UPDATE tier_grants SET ended_at = ?, ended_by = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL"
                        + " RETURNING member_id", row -> new MemberId(row.getLong(1)), at, by, reason, grant)
                .ifPresent(member -> outbox.mark(List.of(member)));
    }

    @Override
    public Map<MemberId, TierGrant> lapsedBefore(LocalDate day, int limit) {
        Map<MemberId, TierGrant> due = new LinkedHashMap<>();
        sql.list("SELECT g.member_id, " + COLUMNS + " FROM tier_grants g WHERE g.ended_at IS NULL"
                        + " AND g.valid_until < ? ORDER BY g.id LIMIT ? FOR UPDATE SKIP LOCKED",
                row -> due.put(new MemberId(row.getLong("member_id")), grant(row)), Date.valueOf(day), limit);
        return due;
    }

    @Override
    public List<TierGrant> history(MemberId member) {
        return sql.list("SELECT " + COLUMNS + " FROM tier_grants g WHERE g.member_id = ? ORDER BY g.id DESC",
                PgTierGrants::grant, member.value());
    }

    /** The grant in the row's {@link #COLUMNS}, or null when the row has none (a LEFT JOIN that found nothing). */
    static TierGrant grant(ResultSet row) throws SQLException {
        long id = row.getLong("grant_id");
        if (row.wasNull()) {
            return null;
        }
        Date until = row.getDate("valid_until");
        return new TierGrant(id, row.getString("grant_tier"),
                Tiers.VipMode.valueOf(row.getString("grant_mode").toUpperCase(Locale.ROOT)),
                until == null ? null : until.toLocalDate(), row.getString("grant_reason"), row.getString("granted_by"),
                Sql.instant(row, "granted_at"), Sql.instant(row, "ended_at"), row.getString("ended_by"),
                row.getString("end_reason"));
    }
}
