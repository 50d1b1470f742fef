-- Lifetime points are earning only (orders, partners, events, badges, referrals, less refunds' take-backs): staff
-- adjustments no longer count. The stored lifetimes are recomputed from the entries under that definition, which is
-- the one LedgerCheck verifies (the entries themselves are untouched: the ledger stays append-only).
UPDATE member_balances b
SET lifetime = coalesce((SELECT sum(e.points) FROM ledger_entries e
                         WHERE e.member_id = b.member_id AND e.account = b.account
                           AND e.kind IN ('earn', 'reverse', 'bonus', 'release')), 0);
