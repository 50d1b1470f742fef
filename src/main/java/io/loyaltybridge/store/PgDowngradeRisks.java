package io.loyaltybridge.store;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.tiers.DowngradeRisk;
import io.loyaltybridge.domain.program.tiers.DowngradeRisks;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Downgrade risks in PostgreSQL: one read and, for a batch with changes, one write and one outbox mark. */
public final class PgDowngradeRisks implements DowngradeRisks {
    private final Sql sql;
    private final PgOutbox outbox;

    public PgDowngradeRisks(Transactions transactions) {
        this.sql = new Sql(transactions);
        this.outbox = new PgOutbox(transactions);
    }

    @Override
    public Map<MemberId, DowngradeRisk> get(Collection<MemberId> members) {
        Map<MemberId, DowngradeRisk> risks = new HashMap<>();
        sql.list("SELECT member_id, risk FROM member_downgrade_risk WHERE member_id = ANY (?)",
                row -> risks.put(new MemberId(row.getLong(1)),
                        DowngradeRisk.valueOf(row.getString(2).toUpperCase(Locale.ROOT))),
                Sql.longArray(members.stream().mapToLong(MemberId::value).toArray()));
        return risks;
    }

    @Override
    public void save(List<Change> changes, LocalDate on) {
        if (changes.isEmpty()) {
            return;
        }
        List<MemberId> members = changes.stream().map(Change::member).toList();
        sql.update("INSERT INTO member_downgrade_risk (member_id, risk, changed_on)"
                        + " SELECT v.member_id, v.risk, ? FROM unnest(?, ?) AS v(member_id, risk)"
                        + " ON CONFLICT (member_id) DO UPDATE SET risk = excluded.risk, changed_on = excluded.changed_on",
                Date.valueOf(on), Sql.Column.of("bigint", members.stream().map(MemberId::value).toList()),
                Sql.Column.of("text", changes.stream().map(c -> c.now().downgradeRisk().wireName()).toList()));
        // The CRM fields show the risk: a change found by the job alone (days passing) must reach them too.
        outbox.mark(members);
    }
}
