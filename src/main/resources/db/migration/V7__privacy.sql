-- Privacy: when a member was erased, and the audit log of administrative actions.

-- Set once by the erasure: a repeated request answers from it, and exports say the data is gone rather than empty.
ALTER TABLE members ADD COLUMN erased_at timestamptz;

-- Who (the API token's name, or the CRM that asked) did what to which target, written in the transaction of the
-- action itself, so an action without its entry (or an entry without its action) cannot exist.
CREATE TABLE audit_log (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at        timestamptz NOT NULL,
    actor     text        NOT NULL,
    action    text        NOT NULL,
    target    text        NOT NULL,
    member_id bigint REFERENCES members (id),
    details   jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_member ON audit_log (member_id, id DESC) WHERE member_id IS NOT NULL;
