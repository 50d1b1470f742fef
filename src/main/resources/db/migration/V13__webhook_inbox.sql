-- The HubSpot webhook inbox: every event accepted by POST /webhooks/hubspot is stored here, in the request, before
-- HubSpot is answered 200; instances drain it (leased with SKIP LOCKED), retrying with backoff until applied. The
-- unique key is what drops a repeat, whichever instance took the first copy and however long ago it restarted.

CREATE TABLE webhook_inbox (
    -- Arrival order: events of one object are applied in this order.
    id              bigserial PRIMARY KEY,
    -- 'event:<eventId>@<portalId>', or 'content:<sha-256 of the canonical event>' for an event without an id.
    event_key       text        NOT NULL UNIQUE,
    -- The record the event is about ('contact:<id>', 'object:<type>:<id>', 'deal:<id>').
    object_key      text        NOT NULL,
    -- A privacy deletion: applied ahead of everything else, and never given up.
    erasure         boolean     NOT NULL,
    -- The event as received (text: stored as it came, whatever it holds); cleared once applied (a property change
    -- may carry personal data).
    event           text,
    status          text        NOT NULL CHECK (status IN ('pending', 'done')),
    attempts        int         NOT NULL DEFAULT 0,
    received_at     timestamptz NOT NULL DEFAULT now(),
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    leased_until    timestamptz,
    last_error      text,
    done_at         timestamptz
);
CREATE INDEX webhook_inbox_due ON webhook_inbox (erasure DESC, id) WHERE status = 'pending';
CREATE INDEX webhook_inbox_object ON webhook_inbox (object_key, id) WHERE status = 'pending';
CREATE INDEX webhook_inbox_done ON webhook_inbox (done_at) WHERE status = 'done';
