-- Every outcome recorded in the web app (docs/web.md): who recorded it, when, and what it changed on the
-- patient's outreach item, for admins to read. form_token is the token of the form that sent it: a double
-- click or a resubmitted form carries the same token and records nothing the second time.
CREATE TABLE outreach_web_audit (
    audit_id    TEXT NOT NULL PRIMARY KEY,
    form_token  TEXT NOT NULL,
    user_name   TEXT NOT NULL,
    clinic_id   TEXT NOT NULL REFERENCES clinics (clinic_id),
    patient_id  TEXT NOT NULL REFERENCES patients (patient_id),
    outcome_id  TEXT NULL REFERENCES outreach_outcomes (outcome_id),
    outcome     TEXT NOT NULL,
    outcome_on  TEXT NOT NULL,
    changed     TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);

CREATE UNIQUE INDEX ux_outreach_web_audit_token ON outreach_web_audit (form_token);
CREATE INDEX ix_outreach_web_audit_at ON outreach_web_audit (recorded_at);
