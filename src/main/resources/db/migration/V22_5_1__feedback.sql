-- Survey answers (issue 19): read from the CRMs (HubSpot feedback submissions, Salesforce survey responses) or
-- posted through the API. One row per source record: a re-read updates it when the record is newer.
CREATE TABLE feedback_answers (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id          bigint      NOT NULL REFERENCES members (id),
    source_system      text        NOT NULL,
    external_id        text        NOT NULL,
    survey_id          text        NOT NULL,
    survey_name        text,
    survey_type        text        NOT NULL CHECK (survey_type IN ('NPS', 'CSAT', 'CES', 'CUSTOM')),
    score              numeric(12, 4),
    sentiment          text,
    -- Personal data: in the member's export, cleared by erasure (the score stays, on the anonymised member).
    comment            text,
    submitted_at       timestamptz NOT NULL,
    -- The source record's own version: an older or equal copy is skipped.
    source_modified_at timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT feedback_answers_source_key UNIQUE (source_system, external_id)
);
-- The member's latest answer (CRM fields, the detractors segment) and the summary's month buckets.
CREATE INDEX feedback_answers_member ON feedback_answers (member_id, submitted_at DESC, id DESC);
CREATE INDEX feedback_answers_submitted ON feedback_answers (submitted_at);

-- The feedback rewards a member got, found by the per-year cap without scanning the whole ledger.
CREATE INDEX ledger_entries_feedback ON ledger_entries (member_id, effective_at) WHERE source_system = 'feedback';
