-- A run whose process died (kill -9, a lost machine) stays 'running' forever unless someone says
-- otherwise: the next server or command that sees its server gone marks it 'abandoned'. (Numbered 0010,
-- not 0008, so that scripts written at the same time on other branches keep numbers of their own.)
ALTER TABLE dbo.job_runs DROP CONSTRAINT ck_job_runs_status;
ALTER TABLE dbo.job_runs ADD CONSTRAINT ck_job_runs_status
    CHECK (status IN ('running', 'succeeded', 'failed', 'cancelled', 'abandoned'));
