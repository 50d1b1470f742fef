-- Each member's downgrade risk as the tier assessment job last found it (issue 16). Kept so the job can tell a
-- change (the member event tier_at_risk, and a CRM push of a risk that moved with time alone); a member without a
-- row has risk none.
CREATE TABLE member_downgrade_risk (
    member_id  bigint PRIMARY KEY REFERENCES members (id),
    risk       text        NOT NULL CHECK (risk IN ('none', 'low', 'high')),
    changed_on date        NOT NULL
);
