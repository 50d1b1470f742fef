-- The console's program figures: each reward's redemptions and each month's tier moves are read set-wise on every
-- refresh; without these, both would scan their table whole.
CREATE INDEX ledger_entries_reward ON ledger_entries (source_id) WHERE source_system = 'reward' AND kind = 'redeem';
CREATE INDEX member_events_tier_moves ON member_events (occurred_at) WHERE event_type IN ('tier_up', 'tier_down');
-- Participation counts members with an earning entry in the last 90 days, on whichever account it was written.
CREATE INDEX ledger_entries_earning ON ledger_entries (effective_at) WHERE kind IN ('earn', 'bonus');
