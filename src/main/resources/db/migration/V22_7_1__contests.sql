-- Contests: the prize of each contest rank, claimed once, and the contests the close job has closed.

-- The key (contest, rank) is what makes a prize once-only: a rerun, a restart or a second instance finds the rank
-- taken. The prize's ledger entry has its own operation key (contest:<name>:rank:<n>) as well.
CREATE TABLE contest_prizes (
    contest    text           NOT NULL,
    rank       integer        NOT NULL CHECK (rank >= 1),
    member_id  bigint         NOT NULL REFERENCES members (id),
    value      numeric(18, 4) NOT NULL,
    points     bigint         NOT NULL DEFAULT 0,
    badge      text,
    granted_at timestamptz    NOT NULL,
    PRIMARY KEY (contest, rank)
);
CREATE INDEX contest_prizes_member ON contest_prizes (member_id);

-- Written in the transaction that granted the contest's prizes: a closed contest is never ranked for prizes again.
CREATE TABLE contest_closures (
    contest      text PRIMARY KEY,
    participants bigint      NOT NULL,
    closed_at    timestamptz NOT NULL
);
