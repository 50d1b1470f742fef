-- Staff tools: tier grants (with their history) and jobs run on demand.

-- Every tier grant ever made. The one in force for a member is the row not yet ended (at most one, by the index);
-- ending it (revoked, replaced by a newer grant, or lapsed after valid_until) keeps the row as history.
CREATE TABLE tier_grants (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id   bigint      NOT NULL REFERENCES members (id),
    tier        text        NOT NULL,
    mode        text        NOT NULL CHECK (mode IN ('pin', 'floor')),
    -- The last day the grant holds (program time zone); null: until revoked.
    valid_until date,
    reason      text        NOT NULL,
    granted_by  text        NOT NULL,
    granted_at  timestamptz NOT NULL,
    ended_at    timestamptz,
    ended_by    text,
    end_reason  text
);
CREATE UNIQUE INDEX tier_grants_in_force ON tier_grants (member_id) WHERE ended_at IS NULL;
CREATE INDEX tier_grants_member ON tier_grants (member_id, id DESC);

-- The VIP flag was never set by anything; a member's grant now lives in tier_grants.
ALTER TABLE member_tiers DROP COLUMN vip;

-- Who asked for a run: null for the scheduler, the API token's name for a run started through the API.
ALTER TABLE job_runs ADD COLUMN started_by text;
