-- What the scheduled jobs keep: the flags of every clinic as of each day (one set per clinic and date,
-- replaced whole on a rerun) and a record of every job run.

-- One row per (clinic, as-of date) that refresh-flags computed, even when it flagged nobody, so "nobody
-- to call" can be told from "never computed".
CREATE TABLE patient_flag_sets (
    clinic_id     TEXT    NOT NULL REFERENCES clinics (clinic_id),
    as_of         TEXT    NOT NULL,
    flagged_count INTEGER NOT NULL,
    computed_at   TEXT    NOT NULL,
    PRIMARY KEY (clinic_id, as_of)
);

CREATE TABLE patient_flags (
    clinic_id        TEXT    NOT NULL,
    as_of            TEXT    NOT NULL,
    patient_id       TEXT    NOT NULL REFERENCES patients (patient_id),
    flag             TEXT    NOT NULL CHECK (flag IN ('dropped_after_acute', 'maintenance_lapsed')),
    acute_end        TEXT    NULL,
    end_type         TEXT    NULL,
    last_maintenance TEXT    NULL,
    days_since       INTEGER NOT NULL,
    priority         INTEGER NOT NULL,
    reason           TEXT    NOT NULL,
    PRIMARY KEY (clinic_id, as_of, patient_id),
    FOREIGN KEY (clinic_id, as_of) REFERENCES patient_flag_sets (clinic_id, as_of)
);

-- Every run of a scheduled job: one row per attempt. Times are UTC.
CREATE TABLE job_runs (
    run_id           TEXT    NOT NULL PRIMARY KEY,
    job              TEXT    NOT NULL,
    clinic_id        TEXT    NULL,
    period           TEXT    NOT NULL,
    status           TEXT    NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'cancelled')),
    started_at       TEXT    NOT NULL,
    finished_at      TEXT    NULL,
    attempt          INTEGER NOT NULL,
    rows_written     INTEGER NULL,
    files_written    TEXT    NULL,
    message          TEXT    NULL,
    scheduler_job_id TEXT    NULL,
    server           TEXT    NULL
);

CREATE INDEX ix_job_runs_started ON job_runs (started_at);
CREATE INDEX ix_job_runs_scheduler_job ON job_runs (scheduler_job_id);
