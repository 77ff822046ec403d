-- Every outcome recorded in the web app (docs/web.md): who recorded it, when, and what it changed on the
-- patient's outreach item, for admins to read. form_token is the token of the form that sent it: a double
-- click or a resubmitted form carries the same token and records nothing the second time.
CREATE TABLE outreach_web_audit (
    audit_id    varchar(40)  NOT NULL PRIMARY KEY,
    form_token  varchar(64)  NOT NULL,
    user_name   varchar(256) NOT NULL,
    clinic_id   varchar(64)  NOT NULL REFERENCES clinics (clinic_id),
    patient_id  varchar(64)  NOT NULL REFERENCES patients (patient_id),
    outcome_id  varchar(40)  NULL REFERENCES outreach_outcomes (outcome_id),
    outcome     varchar(32)  NOT NULL,
    outcome_on  date         NOT NULL,
    changed     varchar(500) NOT NULL,
    recorded_at timestamp with time zone NOT NULL
);

CREATE UNIQUE INDEX ux_outreach_web_audit_token ON outreach_web_audit (form_token);
CREATE INDEX ix_outreach_web_audit_at ON outreach_web_audit (recorded_at);
