-- CRM synchronisation: cursors, the outbox of members to push, what each CRM last acknowledged, dead letters.

-- A CRM record's own version (SystemModstamp, lastmodifieddate): an older or equal copy is skipped, which
-- de-duplicates the overlap that incremental reads deliberately re-read.
ALTER TABLE member_identities
    ADD COLUMN deleted            boolean NOT NULL DEFAULT false,
    ADD COLUMN source_modified_at timestamptz;
ALTER TABLE orders
    ADD COLUMN source_modified_at timestamptz;

-- One row per CRM and object stream: where reading resumes, and how the stream is doing.
CREATE TABLE sync_sources (
    system          text        NOT NULL,
    object          text        NOT NULL,
    watermark       timestamptz,
    replay_id       bytea,
    backfill_done   boolean     NOT NULL DEFAULT false,
    last_success_at timestamptz,
    last_error      text,
    last_error_at   timestamptz,
    records_in      bigint      NOT NULL DEFAULT 0,
    records_out     bigint      NOT NULL DEFAULT 0,
    errors          bigint      NOT NULL DEFAULT 0,
    api_calls       bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (system, object)
);

-- Members whose CRM-visible profile changed and must be pushed to a CRM. Written in the transaction that made the
-- change; a pusher leases rows (SKIP LOCKED), and deletes a row only if its version did not move meanwhile.
CREATE TABLE crm_outbox (
    member_id   bigint      NOT NULL REFERENCES members (id),
    system      text        NOT NULL,
    version     bigint      NOT NULL DEFAULT 1,
    enqueued_at timestamptz NOT NULL DEFAULT now(),
    lease_until timestamptz,
    attempts    integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (member_id, system)
);
CREATE INDEX crm_outbox_ready ON crm_outbox (system, enqueued_at);

-- The loyalty field values each CRM record last acknowledged (or showed us when we read it): only differences
-- are sent, and nothing at all when there are none.
CREATE TABLE crm_field_state (
    system          text        NOT NULL,
    external_id     text        NOT NULL,
    fields          jsonb       NOT NULL,
    acknowledged_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (system, external_id)
);

-- Records that failed for good (invalid, unknown contact, refused by the CRM), kept with the error to replay.
CREATE TABLE dead_letters (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    system       text        NOT NULL,
    direction    text        NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    record_type  text        NOT NULL,
    record_id    text        NOT NULL,
    payload      jsonb       NOT NULL,
    error_code   text        NOT NULL,
    error        text        NOT NULL,
    -- For an order whose contact we have not seen yet: the contact that, once synced, replays it.
    waiting_for  text,
    status       text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'replayed')),
    replay_count integer     NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL DEFAULT now(),
    replayed_at  timestamptz
);
CREATE INDEX dead_letters_open ON dead_letters (system, created_at) WHERE status = 'open';
CREATE INDEX dead_letters_waiting ON dead_letters (waiting_for) WHERE status = 'open' AND waiting_for IS NOT NULL;
-- One open dead letter per record and direction: a record failing again updates it rather than piling up.
CREATE UNIQUE INDEX dead_letters_one_open ON dead_letters (system, direction, record_type, record_id) WHERE status = 'open';
