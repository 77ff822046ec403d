-- A run whose process died (kill -9, a lost machine) stays 'running' forever unless someone says
-- otherwise: the next server or command that sees its server gone marks it 'abandoned'. SQLite cannot
-- change a CHECK constraint: the table is rebuilt with the new status, its rows kept. (Numbered 0010,
-- not 0008, so that scripts written at the same time on other branches keep numbers of their own.)
CREATE TABLE job_runs_rebuilt (
    run_id           TEXT    NOT NULL PRIMARY KEY,
    job              TEXT    NOT NULL,
    clinic_id        TEXT    NULL,
    period           TEXT    NOT NULL,
    status           TEXT    NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'cancelled', 'abandoned')),
    started_at       TEXT    NOT NULL,
    finished_at      TEXT    NULL,
    attempt          INTEGER NOT NULL,
    rows_written     INTEGER NULL,
    files_written    TEXT    NULL,
    message          TEXT    NULL,
    scheduler_job_id TEXT    NULL,
    server           TEXT    NULL
);

INSERT INTO job_runs_rebuilt (run_id, job, clinic_id, period, status, started_at, finished_at, attempt, rows_written, files_written, message, scheduler_job_id, server)
SELECT run_id, job, clinic_id, period, status, started_at, finished_at, attempt, rows_written, files_written, message, scheduler_job_id, server
FROM job_runs;

DROP TABLE job_runs;

ALTER TABLE job_runs_rebuilt RENAME TO job_runs;

CREATE INDEX ix_job_runs_started ON job_runs (started_at);
CREATE INDEX ix_job_runs_scheduler_job ON job_runs (scheduler_job_id);
