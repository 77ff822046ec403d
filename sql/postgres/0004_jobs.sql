-- What the scheduled jobs keep: the flags of every clinic as of each day (one set per clinic and date,
-- replaced whole on a rerun) and a record of every job run.

-- One row per (clinic, as-of date) that refresh-flags computed, even when it flagged nobody, so "nobody
-- to call" can be told from "never computed".
CREATE TABLE patient_flag_sets (
    clinic_id     varchar(64) NOT NULL REFERENCES clinics (clinic_id),
    as_of         date        NOT NULL,
    flagged_count integer     NOT NULL,
    computed_at   timestamp with time zone NOT NULL,
    PRIMARY KEY (clinic_id, as_of)
);

CREATE TABLE patient_flags (
    clinic_id        varchar(64)  NOT NULL,
    as_of            date         NOT NULL,
    patient_id       varchar(64)  NOT NULL REFERENCES patients (patient_id),
    flag             varchar(32)  NOT NULL CHECK (flag IN ('dropped_after_acute', 'maintenance_lapsed')),
    acute_end        date         NULL,
    end_type         varchar(32)  NULL,
    last_maintenance date         NULL,
    days_since       integer      NOT NULL,
    priority         integer      NOT NULL,
    reason           varchar(500) NOT NULL,
    PRIMARY KEY (clinic_id, as_of, patient_id),
    FOREIGN KEY (clinic_id, as_of) REFERENCES patient_flag_sets (clinic_id, as_of)
);

-- Every run of a scheduled job: one row per attempt.
CREATE TABLE job_runs (
    run_id           varchar(36)  NOT NULL PRIMARY KEY,
    job              varchar(64)  NOT NULL,
    clinic_id        varchar(64)  NULL,
    period           varchar(16)  NOT NULL,
    status           varchar(16)  NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'cancelled')),
    started_at       timestamp with time zone NOT NULL,
    finished_at      timestamp with time zone NULL,
    attempt          integer      NOT NULL,
    rows_written     integer      NULL,
    files_written    text         NULL,
    message          text         NULL,
    scheduler_job_id varchar(64)  NULL,
    server           varchar(200) NULL
);

CREATE INDEX ix_job_runs_started ON job_runs (started_at);
CREATE INDEX ix_job_runs_scheduler_job ON job_runs (scheduler_job_id);
