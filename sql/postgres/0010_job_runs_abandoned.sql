-- A run whose process died (kill -9, a lost machine) stays 'running' forever unless someone says
-- otherwise: the next server or command that sees its server gone marks it 'abandoned'. (Numbered 0010,
-- not 0008, so that scripts written at the same time on other branches keep numbers of their own.)
ALTER TABLE job_runs DROP CONSTRAINT job_runs_status_check;
ALTER TABLE job_runs ADD CONSTRAINT job_runs_status_check
    CHECK (status IN ('running', 'succeeded', 'failed', 'cancelled', 'abandoned'));
