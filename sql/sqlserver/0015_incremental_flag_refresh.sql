-- The incremental nightly refresh (docs/scheduling.md, "What a night evaluates"). refresh-flags evaluates
-- only the patients whose rows changed since the clinic's last refresh or whose next possible change has
-- come; these tables say which.

-- Every write to a patient's rows (patients, episodes, appointments, front desk's do-not-contact), by
-- whoever writes: the import, a sync, a fix by hand. Triggers, so no writer can forget it and a delete
-- counts like any other change. A row with no patient is a refresh's mark: everything before it was
-- seen by that refresh (it takes the mark under a table lock, so no write still in flight holds a
-- smaller id).
CREATE TABLE dbo.patient_changes (
    change_id  bigint      IDENTITY(1, 1) NOT NULL CONSTRAINT pk_patient_changes PRIMARY KEY,
    patient_id varchar(64) NULL
);

-- One row per patient whose flag can change by the date alone: the first as-of date to evaluate them on
-- again. A flagged patient's row also holds their flag without its texts: until that date the refresh
-- carries it forward (only the days since and the recency points move) instead of reading the history.
-- No row: nothing changes for that patient until one of their rows does.
CREATE TABLE dbo.patient_next_changes (
    patient_id  varchar(64) NOT NULL CONSTRAINT pk_patient_next_changes PRIMARY KEY,
    clinic_id   varchar(64) NOT NULL,
    next_change date        NOT NULL,
    flag                    varchar(32) NULL,
    acute_end               date NULL,
    end_type                varchar(32) NULL,
    ended_by_discharge      bit NULL,
    implicit_episode        bit NULL,
    last_maintenance        date NULL,
    discharging_provider_id varchar(64) NULL,
    episode_visits          int NULL,
    interval_days           int NULL,
    other_points            int NULL
);

CREATE INDEX ix_patient_next_changes_due ON dbo.patient_next_changes (next_change, clinic_id);

-- Per clinic, the last refresh: its as-of date, the settings and engine it ran with (any difference forces
-- a full pass) and the last change it saw.
CREATE TABLE dbo.flag_refresh_states (
    clinic_id varchar(64)  NOT NULL CONSTRAINT pk_flag_refresh_states PRIMARY KEY,
    as_of     date         NOT NULL,
    settings  varchar(128) NOT NULL,
    change_id bigint       NOT NULL
);
GO

-- SQL Server's triggers run once per statement with the rows in inserted/deleted: a batch logs each
-- patient it touched once. NOCOUNT, so a writer's row counts stay its own.
CREATE TRIGGER dbo.tr_patients_changes ON dbo.patients AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO dbo.patient_changes (patient_id) SELECT patient_id FROM inserted UNION SELECT patient_id FROM deleted;
END;
GO

CREATE TRIGGER dbo.tr_episodes_changes ON dbo.episodes AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO dbo.patient_changes (patient_id) SELECT patient_id FROM inserted UNION SELECT patient_id FROM deleted;
END;
GO

CREATE TRIGGER dbo.tr_appointments_changes ON dbo.appointments AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO dbo.patient_changes (patient_id) SELECT patient_id FROM inserted UNION SELECT patient_id FROM deleted;
END;
GO

CREATE TRIGGER dbo.tr_outreach_do_not_contact_changes ON dbo.outreach_do_not_contact AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO dbo.patient_changes (patient_id) SELECT patient_id FROM inserted UNION SELECT patient_id FROM deleted;
END;
GO
