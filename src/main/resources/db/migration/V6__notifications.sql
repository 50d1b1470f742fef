-- Notifications: member events recorded with the change that caused them, one delivery row per channel (and per
-- webhook subscription) created with the event, webhook subscriptions, and where each consent decision came from.

CREATE TABLE member_events (
    id          bigserial PRIMARY KEY,
    member_id   bigint      NOT NULL REFERENCES members (id),
    event_type  text        NOT NULL,
    -- One event per cause (an entry's operation key, a tier reached on a day, a badge ...): recording twice is a no-op.
    cause_key   text        NOT NULL UNIQUE,
    data        jsonb       NOT NULL DEFAULT '{}',
    occurred_at timestamptz NOT NULL
);
CREATE INDEX member_events_member ON member_events (member_id, id);

CREATE TABLE webhook_subscriptions (
    id          bigserial PRIMARY KEY,
    url         text        NOT NULL,
    secret      text        NOT NULL,
    -- Empty: every event type.
    event_types text[]      NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL DEFAULT now(),
    deleted_at  timestamptz
);

CREATE TABLE notification_deliveries (
    id              bigserial PRIMARY KEY,
    event_id        bigint      NOT NULL REFERENCES member_events (id),
    channel         text        NOT NULL CHECK (channel IN ('salesforce', 'hubspot', 'webhook')),
    subscription_id bigint REFERENCES webhook_subscriptions (id),
    status          text        NOT NULL CHECK (status IN ('pending', 'delivered', 'failed', 'suppressed')),
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    leased_until    timestamptz,
    last_error      text,
    response_status int,
    delivered_at    timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX notification_deliveries_once ON notification_deliveries (event_id, channel,
    coalesce(subscription_id, 0));
CREATE INDEX notification_deliveries_due ON notification_deliveries (channel, next_attempt_at) WHERE status = 'pending';

CREATE TABLE consent_history (
    id          bigserial PRIMARY KEY,
    member_id   bigint      NOT NULL REFERENCES members (id),
    marketing   boolean     NOT NULL,
    -- api, salesforce, hubspot
    source      text        NOT NULL,
    recorded_at timestamptz NOT NULL
);
CREATE INDEX consent_history_member ON consent_history (member_id, id);

-- Every change of a member's marketing consent (and the consent a member starts with) is kept with its source. The
-- writer names the source for its transaction (set_config('loyalty.consent_source', ..., true)); the core's own
-- writes (API orders and sign-ups) leave it unset.
CREATE FUNCTION record_consent_change() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.marketing_consent IS DISTINCT FROM OLD.marketing_consent THEN
        INSERT INTO consent_history (member_id, marketing, source, recorded_at)
        VALUES (NEW.id, NEW.marketing_consent,
                coalesce(nullif(current_setting('loyalty.consent_source', true), ''), 'api'), now());
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER members_consent_history AFTER INSERT OR UPDATE OF marketing_consent ON members
    FOR EACH ROW EXECUTE FUNCTION record_consent_change();
