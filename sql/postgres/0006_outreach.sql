-- The outreach workflow (docs/outreach.md): the queue of patients front desk calls, every outcome they
-- recorded, the patients who asked never to be contacted, and the numbers each monthly workbook reported.

-- One row per time a patient was put up for outreach. Open while close_reason is null; at most one open
-- item per clinic and patient; closed items stay as history (they start the cooldown).
CREATE TABLE outreach_items (
    item_id         varchar(40)   NOT NULL PRIMARY KEY,
    clinic_id       varchar(64)   NOT NULL REFERENCES clinics (clinic_id),
    patient_id      varchar(64)   NOT NULL REFERENCES patients (patient_id),
    flag            varchar(32)   NOT NULL CHECK (flag IN ('dropped_after_acute', 'maintenance_lapsed')),
    reason          varchar(1000) NOT NULL,
    priority        integer       NOT NULL,
    first_listed    date          NOT NULL,
    status          varchar(8)    NOT NULL CHECK (status IN ('open', 'closed')),
    close_reason    varchar(32)   NULL CHECK (close_reason IN ('booked', 'new_episode', 'no_longer_flagged', 'unreachable', 'wrong_number', 'declined', 'do_not_contact')),
    closed_on       date          NULL,
    attempts        integer       NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_outcome    varchar(32)   NULL,
    last_contact_on date          NULL,
    CHECK ((status = 'open' AND close_reason IS NULL AND closed_on IS NULL)
        OR (status = 'closed' AND close_reason IS NOT NULL AND closed_on IS NOT NULL))
);

CREATE UNIQUE INDEX ux_outreach_items_open ON outreach_items (clinic_id, patient_id) WHERE status = 'open';
CREATE INDEX ix_outreach_items_patient ON outreach_items (clinic_id, patient_id, first_listed);

-- Every outcome front desk recorded on a worked list. The unique index makes a second import of the same
-- file record nothing: the row's key (clinic, patient, flag, list date) with the outcome and its date.
CREATE TABLE outreach_outcomes (
    outcome_id     varchar(40)   NOT NULL PRIMARY KEY,
    item_id        varchar(40)   NOT NULL REFERENCES outreach_items (item_id),
    clinic_id      varchar(64)   NOT NULL REFERENCES clinics (clinic_id),
    patient_id     varchar(64)   NOT NULL REFERENCES patients (patient_id),
    flag           varchar(32)   NOT NULL,
    list_as_of     date          NOT NULL,
    outcome        varchar(32)   NOT NULL CHECK (outcome IN ('not_reached', 'left_message', 'booked', 'declined', 'do_not_contact', 'wrong_number')),
    outcome_on     date          NOT NULL,
    staff_initials varchar(16)   NOT NULL,
    notes          varchar(1000) NULL,
    source_file    varchar(260)  NOT NULL,
    recorded_at    timestamp with time zone NOT NULL
);

CREATE UNIQUE INDEX ux_outreach_outcomes_row ON outreach_outcomes (clinic_id, patient_id, flag, list_as_of, outcome, outcome_on);
CREATE INDEX ix_outreach_outcomes_on ON outreach_outcomes (outcome_on);
CREATE INDEX ix_outreach_outcomes_patient ON outreach_outcomes (patient_id, outcome_on);

-- Patients who told front desk never to contact them again. The service's own table, so a re-import of
-- patients.csv from the clinic software (which sets patients.do_not_contact) can never undo it.
CREATE TABLE outreach_do_not_contact (
    patient_id     varchar(64) NOT NULL PRIMARY KEY REFERENCES patients (patient_id),
    clinic_id      varchar(64) NOT NULL REFERENCES clinics (clinic_id),
    since          date        NOT NULL,
    staff_initials varchar(16) NOT NULL,
    outcome_id     varchar(40) NOT NULL REFERENCES outreach_outcomes (outcome_id)
);

-- The numbers each monthly workbook reported, per scope ('ALL' or a clinic id), month ('YYYY-MM') and
-- metric. A later workbook shows a past month's final numbers from here unless run with --restate.
CREATE TABLE report_snapshots (
    scope       varchar(64)      NOT NULL,
    month       char(7)          NOT NULL,
    metric      varchar(100)     NOT NULL,
    value       double precision NULL,
    final       boolean          NOT NULL,
    produced_at timestamp with time zone NOT NULL,
    restated_at timestamp with time zone NULL,
    PRIMARY KEY (scope, month, metric)
);
