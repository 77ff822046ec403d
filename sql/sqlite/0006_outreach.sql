-- The outreach workflow (docs/outreach.md): the queue of patients front desk calls, every outcome they
-- recorded, the patients who asked never to be contacted, and the numbers each monthly workbook reported.

-- One row per time a patient was put up for outreach. Open while close_reason is null; at most one open
-- item per clinic and patient; closed items stay as history (they start the cooldown).
CREATE TABLE outreach_items (
    item_id         TEXT    NOT NULL PRIMARY KEY,
    clinic_id       TEXT    NOT NULL REFERENCES clinics (clinic_id),
    patient_id      TEXT    NOT NULL REFERENCES patients (patient_id),
    flag            TEXT    NOT NULL CHECK (flag IN ('dropped_after_acute', 'maintenance_lapsed')),
    reason          TEXT    NOT NULL,
    priority        INTEGER NOT NULL,
    first_listed    TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('open', 'closed')),
    close_reason    TEXT    NULL CHECK (close_reason IN ('booked', 'new_episode', 'no_longer_flagged', 'unreachable', 'wrong_number', 'declined', 'do_not_contact')),
    closed_on       TEXT    NULL,
    attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_outcome    TEXT    NULL,
    last_contact_on TEXT    NULL,
    CHECK ((status = 'open' AND close_reason IS NULL AND closed_on IS NULL)
        OR (status = 'closed' AND close_reason IS NOT NULL AND closed_on IS NOT NULL))
);

CREATE UNIQUE INDEX ux_outreach_items_open ON outreach_items (clinic_id, patient_id) WHERE status = 'open';
CREATE INDEX ix_outreach_items_patient ON outreach_items (clinic_id, patient_id, first_listed);

-- Every outcome front desk recorded on a worked list. The unique index makes a second import of the same
-- file record nothing: the row's key (clinic, patient, flag, list date) with the outcome and its date.
CREATE TABLE outreach_outcomes (
    outcome_id     TEXT NOT NULL PRIMARY KEY,
    item_id        TEXT NOT NULL REFERENCES outreach_items (item_id),
    clinic_id      TEXT NOT NULL REFERENCES clinics (clinic_id),
    patient_id     TEXT NOT NULL REFERENCES patients (patient_id),
    flag           TEXT NOT NULL,
    list_as_of     TEXT NOT NULL,
    outcome        TEXT NOT NULL CHECK (outcome IN ('not_reached', 'left_message', 'booked', 'declined', 'do_not_contact', 'wrong_number')),
    outcome_on     TEXT NOT NULL,
    staff_initials TEXT NOT NULL,
    notes          TEXT NULL,
    source_file    TEXT NOT NULL,
    recorded_at    TEXT NOT NULL
);

CREATE UNIQUE INDEX ux_outreach_outcomes_row ON outreach_outcomes (clinic_id, patient_id, flag, list_as_of, outcome, outcome_on);
CREATE INDEX ix_outreach_outcomes_on ON outreach_outcomes (outcome_on);
CREATE INDEX ix_outreach_outcomes_patient ON outreach_outcomes (patient_id, outcome_on);

-- Patients who told front desk never to contact them again. The service's own table, so a re-import of
-- patients.csv from the clinic software (which sets patients.do_not_contact) can never undo it.
CREATE TABLE outreach_do_not_contact (
    patient_id     TEXT NOT NULL PRIMARY KEY REFERENCES patients (patient_id),
    clinic_id      TEXT NOT NULL REFERENCES clinics (clinic_id),
    since          TEXT NOT NULL,
    staff_initials TEXT NOT NULL,
    outcome_id     TEXT NOT NULL REFERENCES outreach_outcomes (outcome_id)
);

-- The numbers each monthly workbook reported, per scope ('ALL' or a clinic id), month ('YYYY-MM') and
-- metric. A later workbook shows a past month's final numbers from here unless run with --restate.
CREATE TABLE report_snapshots (
    scope       TEXT    NOT NULL,
    month       TEXT    NOT NULL,
    metric      TEXT    NOT NULL,
    value       REAL    NULL,
    final       INTEGER NOT NULL CHECK (final IN (0, 1)),
    produced_at TEXT    NOT NULL,
    restated_at TEXT    NULL,
    PRIMARY KEY (scope, month, metric)
);
