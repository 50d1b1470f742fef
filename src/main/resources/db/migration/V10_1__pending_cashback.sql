-- Cashback waits for the return window like points: a pending_cashback account, released by the pending-release job.
ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_account_check;
ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_account_check
    CHECK (account IN ('points', 'cashback', 'pending', 'pending_cashback'));
-- The release job looks for orders whose pending cashback has not been released yet.
CREATE INDEX ledger_entries_pending_cashback ON ledger_entries (order_id) WHERE account = 'pending_cashback';
