-- The program engine: pending points and cashback as ledger accounts, what each order earned under which context,
-- tiers, segments, badges, referrals, campaign usage, and job runs.

ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_account_check;
ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_account_check
    CHECK (account IN ('points', 'cashback', 'pending'));
-- The release job looks for orders whose pending points have not been released yet.
CREATE INDEX ledger_entries_pending ON ledger_entries (order_id) WHERE account = 'pending';

ALTER TABLE orders
    -- The member's tier and segments when the order was first settled: a refund is re-evaluated under the same
    -- context, so it takes back exactly the share it gave.
    ADD COLUMN earn_context        jsonb,
    -- Points the order is worth now, and per campaign (campaign caps are counted from these).
    ADD COLUMN earned_points       bigint NOT NULL DEFAULT 0,
    ADD COLUMN earn_campaigns      jsonb  NOT NULL DEFAULT '{}',
    -- When pending points become available (end of the return window).
    ADD COLUMN points_available_at timestamptz;

CREATE TABLE member_tiers (
    member_id   bigint PRIMARY KEY REFERENCES members (id),
    tier        text        NOT NULL,
    held_since  date        NOT NULL,
    below_since date,
    vip         boolean     NOT NULL DEFAULT false,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE member_segments (
    member_id          bigint PRIMARY KEY REFERENCES members (id),
    recency            smallint,
    frequency          smallint,
    monetary           smallint,
    rfm_segment        text,
    segments           text[]      NOT NULL DEFAULT '{}',
    churn_risk         text,
    preferred_category text,
    cltv_historic      numeric(18, 2),
    cltv_predicted     numeric(18, 2),
    computed_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE member_campaign_points (
    member_id   bigint NOT NULL REFERENCES members (id),
    campaign_id text   NOT NULL,
    points      bigint NOT NULL,
    PRIMARY KEY (member_id, campaign_id)
);

CREATE TABLE member_badges (
    member_id  bigint      NOT NULL REFERENCES members (id),
    badge_id   text        NOT NULL,
    granted_at timestamptz NOT NULL,
    PRIMARY KEY (member_id, badge_id)
);

-- Who brought whom. A referee has one referrer; completed when the referee's first qualifying order paid both.
CREATE TABLE referrals (
    referee_id   bigint PRIMARY KEY REFERENCES members (id),
    referrer_id  bigint      NOT NULL REFERENCES members (id),
    created_at   timestamptz NOT NULL DEFAULT now(),
    completed_at timestamptz,
    CHECK (referee_id <> referrer_id)
);
CREATE INDEX referrals_referrer ON referrals (referrer_id);

-- One row per job run, for the status page and to see that a second run on the same day did nothing.
CREATE TABLE job_runs (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job         text        NOT NULL,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz,
    changes     integer     NOT NULL DEFAULT 0,
    error       text
);
CREATE INDEX job_runs_job ON job_runs (job, started_at DESC);
