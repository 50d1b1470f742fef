-- Streams stopped by a permanent error (an org that refuses what the configuration asks for): the reason people see
-- in /api/sync/status, the status page and readiness, and a digest of the configuration and org shape it happened
-- under. A start with a different digest clears the stop, so the stream is retried only once something changed.
CREATE TABLE sync_stops (
    system     text        NOT NULL,
    object     text        NOT NULL,
    reason     text        NOT NULL,
    config     text        NOT NULL,
    stopped_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (system, object)
);
