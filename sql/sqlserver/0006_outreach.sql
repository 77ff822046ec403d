-- The outreach workflow (docs/outreach.md): the queue of patients front desk calls, every outcome they
-- recorded, the patients who asked never to be contacted, and the numbers each monthly workbook reported.

-- One row per time a patient was put up for outreach. Open while close_reason is null; at most one open
-- item per clinic and patient; closed items stay as history (they start the cooldown).
CREATE TABLE dbo.outreach_items (
    item_id         varchar(40)    NOT NULL CONSTRAINT pk_outreach_items PRIMARY KEY,
    clinic_id       varchar(64)    NOT NULL CONSTRAINT fk_outreach_items_clinic REFERENCES dbo.clinics (clinic_id),
    patient_id      varchar(64)    NOT NULL CONSTRAINT fk_outreach_items_patient REFERENCES dbo.patients (patient_id),
    flag            varchar(32)    NOT NULL CONSTRAINT ck_outreach_items_flag CHECK (flag IN ('dropped_after_acute', 'maintenance_lapsed')),
    reason          nvarchar(1000) NOT NULL,
    priority        int            NOT NULL,
    first_listed    date           NOT NULL,
    status          varchar(8)     NOT NULL CONSTRAINT ck_outreach_items_status CHECK (status IN ('open', 'closed')),
    close_reason    varchar(32)    NULL CONSTRAINT ck_outreach_items_close_reason CHECK (close_reason IN ('booked', 'new_episode', 'no_longer_flagged', 'unreachable', 'wrong_number', 'declined', 'do_not_contact')),
    closed_on       date           NULL,
    attempts        int            NOT NULL CONSTRAINT df_outreach_items_attempts DEFAULT 0 CONSTRAINT ck_outreach_items_attempts CHECK (attempts >= 0),
    last_outcome    varchar(32)    NULL,
    last_contact_on date           NULL,
    CONSTRAINT ck_outreach_items_closed CHECK ((status = 'open' AND close_reason IS NULL AND closed_on IS NULL)
        OR (status = 'closed' AND close_reason IS NOT NULL AND closed_on IS NOT NULL))
);

CREATE UNIQUE INDEX ux_outreach_items_open ON dbo.outreach_items (clinic_id, patient_id) WHERE status = 'open';
CREATE INDEX ix_outreach_items_patient ON dbo.outreach_items (clinic_id, patient_id, first_listed);

-- Every outcome front desk recorded on a worked list. The unique index makes a second import of the same
-- file record nothing: the row's key (clinic, patient, flag, list date) with the outcome and its date.
CREATE TABLE dbo.outreach_outcomes (
    outcome_id     varchar(40)    NOT NULL CONSTRAINT pk_outreach_outcomes PRIMARY KEY,
    item_id        varchar(40)    NOT NULL CONSTRAINT fk_outreach_outcomes_item REFERENCES dbo.outreach_items (item_id),
    clinic_id      varchar(64)    NOT NULL CONSTRAINT fk_outreach_outcomes_clinic REFERENCES dbo.clinics (clinic_id),
    patient_id     varchar(64)    NOT NULL CONSTRAINT fk_outreach_outcomes_patient REFERENCES dbo.patients (patient_id),
    flag           varchar(32)    NOT NULL,
    list_as_of     date           NOT NULL,
    outcome        varchar(32)    NOT NULL CONSTRAINT ck_outreach_outcomes_outcome CHECK (outcome IN ('not_reached', 'left_message', 'booked', 'declined', 'do_not_contact', 'wrong_number')),
    outcome_on     date           NOT NULL,
    staff_initials nvarchar(16)   NOT NULL,
    notes          nvarchar(1000) NULL,
    source_file    nvarchar(260)  NOT NULL,
    -- UTC.
    recorded_at    datetime2(0)   NOT NULL
);

CREATE UNIQUE INDEX ux_outreach_outcomes_row ON dbo.outreach_outcomes (clinic_id, patient_id, flag, list_as_of, outcome, outcome_on);
CREATE INDEX ix_outreach_outcomes_on ON dbo.outreach_outcomes (outcome_on);
CREATE INDEX ix_outreach_outcomes_patient ON dbo.outreach_outcomes (patient_id, outcome_on);

-- Patients who told front desk never to contact them again. The service's own table, so a re-import of
-- patients.csv from the clinic software (which sets patients.do_not_contact) can never undo it.
CREATE TABLE dbo.outreach_do_not_contact (
    patient_id     varchar(64)  NOT NULL CONSTRAINT pk_outreach_do_not_contact PRIMARY KEY CONSTRAINT fk_outreach_dnc_patient REFERENCES dbo.patients (patient_id),
    clinic_id      varchar(64)  NOT NULL CONSTRAINT fk_outreach_dnc_clinic REFERENCES dbo.clinics (clinic_id),
    since          date         NOT NULL,
    staff_initials nvarchar(16) NOT NULL,
    outcome_id     varchar(40)  NOT NULL CONSTRAINT fk_outreach_dnc_outcome REFERENCES dbo.outreach_outcomes (outcome_id)
);

-- The numbers each monthly workbook reported, per scope ('ALL' or a clinic id), month ('YYYY-MM') and
-- metric. A later workbook shows a past month's final numbers from here unless run with --restate.
CREATE TABLE dbo.report_snapshots (
    scope       varchar(64)  NOT NULL,
    month       char(7)      NOT NULL,
    metric      varchar(100) NOT NULL,
    value       float        NULL,
    final       bit          NOT NULL,
    -- UTC.
    produced_at datetime2(0) NOT NULL,
    restated_at datetime2(0) NULL,
    CONSTRAINT pk_report_snapshots PRIMARY KEY (scope, month, metric)
);
