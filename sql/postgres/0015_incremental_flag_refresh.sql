-- The incremental nightly refresh (docs/scheduling.md, "What a night evaluates"). refresh-flags evaluates
-- only the patients whose rows changed since the clinic's last refresh or whose next possible change has
-- come; these tables say which.

-- Every write to a patient's rows (patients, episodes, appointments, front desk's do-not-contact), by
-- whoever writes: the import, a sync, a fix by hand. Triggers, so no writer can forget it and a delete
-- counts like any other change. A row with no patient is a refresh's mark: everything before it was
-- seen by that refresh (it takes the mark under a table lock, so no write still in flight holds a
-- smaller id).
CREATE TABLE patient_changes (
    change_id  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    patient_id varchar(64) NULL
);

-- One row per patient whose flag can change by the date alone: the first as-of date to evaluate them on
-- again. A flagged patient's row also holds their flag without its texts: until that date the refresh
-- carries it forward (only the days since and the recency points move) instead of reading the history.
-- No row: nothing changes for that patient until one of their rows does.
CREATE TABLE patient_next_changes (
    patient_id  varchar(64) NOT NULL PRIMARY KEY,
    clinic_id   varchar(64) NOT NULL,
    next_change date        NOT NULL,
    flag                    varchar(32) NULL,
    acute_end               date NULL,
    end_type                varchar(32) NULL,
    ended_by_discharge      boolean NULL,
    implicit_episode        boolean NULL,
    last_maintenance        date NULL,
    discharging_provider_id varchar(64) NULL,
    episode_visits          integer NULL,
    interval_days           integer NULL,
    other_points            integer NULL
);

CREATE INDEX ix_patient_next_changes_due ON patient_next_changes (next_change, clinic_id);

-- Per clinic, the last refresh: its as-of date, the settings and engine it ran with (any difference forces
-- a full pass) and the last change it saw.
CREATE TABLE flag_refresh_states (
    clinic_id varchar(64)  NOT NULL PRIMARY KEY,
    as_of     date         NOT NULL,
    settings  varchar(128) NOT NULL,
    change_id bigint       NOT NULL
);

-- Statement-level triggers with transition tables: an import's batch (one COPY-staged upsert statement)
-- logs each patient it touched once, not once per row.
CREATE FUNCTION patient_changes_from_new_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO patient_changes (patient_id) SELECT DISTINCT patient_id FROM new_rows;
    RETURN NULL;
END;
$$;

CREATE FUNCTION patient_changes_from_old_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO patient_changes (patient_id) SELECT DISTINCT patient_id FROM old_rows;
    RETURN NULL;
END;
$$;

CREATE FUNCTION patient_changes_from_both_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO patient_changes (patient_id)
    SELECT patient_id FROM new_rows UNION SELECT patient_id FROM old_rows;
    RETURN NULL;
END;
$$;

CREATE TRIGGER tr_patients_changes_insert AFTER INSERT ON patients
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION patient_changes_from_new_rows();
CREATE TRIGGER tr_patients_changes_update AFTER UPDATE ON patients
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION patient_changes_from_both_rows();
CREATE TRIGGER tr_patients_changes_delete AFTER DELETE ON patients
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION patient_changes_from_old_rows();

CREATE TRIGGER tr_episodes_changes_insert AFTER INSERT ON episodes
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION patient_changes_from_new_rows();
CREATE TRIGGER tr_episodes_changes_update AFTER UPDATE ON episodes
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION patient_changes_from_both_rows();
CREATE TRIGGER tr_episodes_changes_delete AFTER DELETE ON episodes
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION patient_changes_from_old_rows();

CREATE TRIGGER tr_appointments_changes_insert AFTER INSERT ON appointments
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION patient_changes_from_new_rows();
CREATE TRIGGER tr_appointments_changes_update AFTER UPDATE ON appointments
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION patient_changes_from_both_rows();
CREATE TRIGGER tr_appointments_changes_delete AFTER DELETE ON appointments
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION patient_changes_from_old_rows();

CREATE TRIGGER tr_outreach_do_not_contact_changes_insert AFTER INSERT ON outreach_do_not_contact
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION patient_changes_from_new_rows();
CREATE TRIGGER tr_outreach_do_not_contact_changes_delete AFTER DELETE ON outreach_do_not_contact
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION patient_changes_from_old_rows();
CREATE TRIGGER tr_outreach_do_not_contact_changes_update AFTER UPDATE ON outreach_do_not_contact
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION patient_changes_from_both_rows();
