-- The loyalty core: members, their CRM identities, orders, and the append-only points ledger.

CREATE TABLE members (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email             text,
    first_name        text,
    last_name         text,
    birth_date        date,
    marketing_consent boolean     NOT NULL DEFAULT false,
    created_at        timestamptz NOT NULL DEFAULT now()
);
-- One member per address, whatever its case.
CREATE UNIQUE INDEX members_email_key ON members (lower(email));

CREATE TABLE member_identities (
    system      text   NOT NULL,
    external_id text   NOT NULL,
    member_id   bigint NOT NULL REFERENCES members (id),
    PRIMARY KEY (system, external_id)
);
CREATE INDEX member_identities_member ON member_identities (member_id);

CREATE TABLE orders (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source          text          NOT NULL,
    external_id     text          NOT NULL,
    member_id       bigint        NOT NULL REFERENCES members (id),
    total           numeric(18, 4) NOT NULL CHECK (total >= 0),
    currency        char(3)       NOT NULL,
    placed_at       timestamptz   NOT NULL,
    status          text          NOT NULL
        CHECK (status IN ('completed', 'cancelled', 'refunded', 'partially_refunded')),
    refunded_amount numeric(18, 4) NOT NULL DEFAULT 0 CHECK (refunded_amount BETWEEN 0 AND total),
    lines           jsonb         NOT NULL DEFAULT '[]',
    -- Counts the distinct states seen; each state's ledger write is keyed by it.
    revision        integer       NOT NULL,
    updated_at      timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT orders_source_key UNIQUE (source, external_id)
);
CREATE INDEX orders_member ON orders (member_id, placed_at);

CREATE TABLE ledger_entries (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id     bigint      NOT NULL REFERENCES members (id),
    account       text        NOT NULL CHECK (account IN ('points', 'cashback')),
    points        bigint      NOT NULL CHECK (points <> 0),
    kind          text        NOT NULL,
    reason        text        NOT NULL,
    source_system text        NOT NULL,
    source_id     text,
    rule_version  text        NOT NULL,
    created_at    timestamptz NOT NULL,
    effective_at  timestamptz NOT NULL,
    -- The idempotency of every writer rests on this key.
    operation_key text        NOT NULL CONSTRAINT ledger_entries_operation_key UNIQUE,
    order_id      bigint REFERENCES orders (id)
);
CREATE INDEX ledger_entries_member ON ledger_entries (member_id, id DESC);
CREATE INDEX ledger_entries_order ON ledger_entries (order_id) WHERE order_id IS NOT NULL;

-- Append-only, enforced by the database itself so no code path (or hand-typed SQL) can rewrite history.
CREATE FUNCTION ledger_entries_refuse_change() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'ledger_entries is append-only: % refused; write a correcting entry instead', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER ledger_entries_append_only
    BEFORE UPDATE OR DELETE ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION ledger_entries_refuse_change();
CREATE TRIGGER ledger_entries_no_truncate
    BEFORE TRUNCATE ON ledger_entries
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_entries_refuse_change();

-- Stored balances, moved in the same statement as each append; LedgerCheck proves them equal to the entries.
CREATE TABLE member_balances (
    member_id bigint NOT NULL REFERENCES members (id),
    account   text   NOT NULL,
    available bigint NOT NULL,
    lifetime  bigint NOT NULL,
    PRIMARY KEY (member_id, account)
);
