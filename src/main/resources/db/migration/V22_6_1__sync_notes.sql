-- A note on a sync stream that is off by the CRM's shape rather than failing (issue 19: a Salesforce org without
-- Feedback Management has no survey objects to read). Shown by /api/sync/status beside the stream's figures; not an
-- error, so readiness does not count it.
CREATE TABLE sync_notes (
    system   text        NOT NULL,
    object   text        NOT NULL,
    note     text        NOT NULL,
    noted_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (system, object)
);
