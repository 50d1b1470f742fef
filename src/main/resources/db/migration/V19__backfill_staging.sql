-- The Salesforce backfill stages every OrderItem of the org here (COPY), then joins them to the orders by OrderId,
-- a page of orders at a time, so neither Bulk query needs ORDER BY (which can stop PK chunking and time out on large
-- objects) and no run ever holds all items in memory.
--
-- UNLOGGED on purpose: the rows are scratch, valid only for the run that staged them. A run cut short (an error, a
-- stop, a crash) restarts from its Bulk queries and stages everything again, so these rows never need to survive a
-- crash; PostgreSQL empties an unlogged table after one, which is the cleanup such a run needs anyway. Skipping the
-- WAL halves what the COPY writes. This relaxes nothing for the data that matters: members, orders and ledger rows
-- stay in logged tables with synchronous_commit and fsync on. (Unlogged tables are not replicated: a standby that
-- takes over restarts the run, as after any failover.)
--
-- Values stay text, as the CRM wrote them: the same code that reads REST records parses them, so a staged line and
-- a polled line map identically.
CREATE TABLE backfill_runs (
    run_id     bigserial   PRIMARY KEY,
    system     text        NOT NULL,
    started_at timestamptz NOT NULL DEFAULT now()
);

CREATE UNLOGGED TABLE backfill_order_lines (
    run_id         bigint NOT NULL,
    order_id       text   NOT NULL,
    item_id        text   NOT NULL,
    deleted        text,
    quantity       text,
    unit_price     text,
    product_code   text,
    product_family text
);

-- The join's only access path: a page of order ids of one run.
CREATE INDEX backfill_order_lines_by_order ON backfill_order_lines (run_id, order_id);
