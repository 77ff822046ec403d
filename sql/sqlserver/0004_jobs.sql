-- What the scheduled jobs keep: the flags of every clinic as of each day (one set per clinic and date,
-- replaced whole on a rerun) and a record of every job run.

-- One row per (clinic, as-of date) that refresh-flags computed, even when it flagged nobody, so "nobody
-- to call" can be told from "never computed".
CREATE TABLE dbo.patient_flag_sets (
    clinic_id     varchar(64)  NOT NULL CONSTRAINT fk_patient_flag_sets_clinic REFERENCES dbo.clinics (clinic_id),
    as_of         date         NOT NULL,
    flagged_count int          NOT NULL,
    -- UTC.
    computed_at   datetime2(3) NOT NULL,
    CONSTRAINT pk_patient_flag_sets PRIMARY KEY (clinic_id, as_of)
);

CREATE TABLE dbo.patient_flags (
    clinic_id        varchar(64)   NOT NULL,
    as_of            date          NOT NULL,
    patient_id       varchar(64)   NOT NULL CONSTRAINT fk_patient_flags_patient REFERENCES dbo.patients (patient_id),
    flag             varchar(32)   NOT NULL CONSTRAINT ck_patient_flags_flag CHECK (flag IN ('dropped_after_acute', 'maintenance_lapsed')),
    acute_end        date          NULL,
    end_type         varchar(32)   NULL,
    last_maintenance date          NULL,
    days_since       int           NOT NULL,
    priority         int           NOT NULL,
    reason           nvarchar(500) NOT NULL,
    CONSTRAINT pk_patient_flags PRIMARY KEY (clinic_id, as_of, patient_id),
    CONSTRAINT fk_patient_flags_set FOREIGN KEY (clinic_id, as_of) REFERENCES dbo.patient_flag_sets (clinic_id, as_of)
);

-- Every run of a scheduled job: one row per attempt. Times are UTC.
CREATE TABLE dbo.job_runs (
    run_id           varchar(36)    NOT NULL CONSTRAINT pk_job_runs PRIMARY KEY,
    job              varchar(64)    NOT NULL,
    clinic_id        varchar(64)    NULL,
    period           varchar(16)    NOT NULL,
    status           varchar(16)    NOT NULL CONSTRAINT ck_job_runs_status CHECK (status IN ('running', 'succeeded', 'failed', 'cancelled')),
    started_at       datetime2(3)   NOT NULL,
    finished_at      datetime2(3)   NULL,
    attempt          int            NOT NULL,
    rows_written     int            NULL,
    files_written    nvarchar(max)  NULL,
    message          nvarchar(max)  NULL,
    scheduler_job_id varchar(64)    NULL,
    server           nvarchar(200)  NULL
);

CREATE INDEX ix_job_runs_started ON dbo.job_runs (started_at);
CREATE INDEX ix_job_runs_scheduler_job ON dbo.job_runs (scheduler_job_id);
