-- The status page's KPIs read the points account by effective time (points per month over a year) and orders by
-- date (active members, retention): without these, each refresh would scan both tables whole.
CREATE INDEX ledger_entries_points_effective ON ledger_entries (effective_at) WHERE account = 'points';
CREATE INDEX orders_placed ON orders (placed_at);
