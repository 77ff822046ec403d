-- The incremental nightly refresh (docs/scheduling.md, "What a night evaluates"). refresh-flags evaluates
-- only the patients whose rows changed since the clinic's last refresh or whose next possible change has
-- come; these tables say which.

-- Every write to a patient's rows (patients, episodes, appointments, front desk's do-not-contact), by
-- whoever writes: the import, a sync, a fix by hand. Triggers, so no writer can forget it and a delete
-- counts like any other change. A row with no patient is a refresh's mark: everything before it was
-- seen by that refresh. AUTOINCREMENT, so an id is never reused after the seen rows are removed.
CREATE TABLE patient_changes (
    change_id  INTEGER PRIMARY KEY AUTOINCREMENT,
    patient_id TEXT NULL
);

-- One row per patient whose flag can change by the date alone: the first as-of date to evaluate them on
-- again. A flagged patient's row also holds their flag without its texts: until that date the refresh
-- carries it forward (only the days since and the recency points move) instead of reading the history.
-- No row: nothing changes for that patient until one of their rows does.
CREATE TABLE patient_next_changes (
    patient_id  TEXT NOT NULL PRIMARY KEY,
    clinic_id   TEXT NOT NULL,
    next_change TEXT NOT NULL,
    flag                    TEXT NULL,
    acute_end               TEXT NULL,
    end_type                TEXT NULL,
    ended_by_discharge      INTEGER NULL,
    implicit_episode        INTEGER NULL,
    last_maintenance        TEXT NULL,
    discharging_provider_id TEXT NULL,
    episode_visits          INTEGER NULL,
    interval_days           INTEGER NULL,
    other_points            INTEGER NULL
);

CREATE INDEX ix_patient_next_changes_due ON patient_next_changes (next_change, clinic_id);

-- Per clinic, the last refresh: its as-of date, the settings and engine it ran with (any difference forces
-- a full pass) and the last change it saw.
CREATE TABLE flag_refresh_states (
    clinic_id TEXT    NOT NULL PRIMARY KEY,
    as_of     TEXT    NOT NULL,
    settings  TEXT    NOT NULL,
    change_id INTEGER NOT NULL
);

-- A row-level trigger per table and event. An import writes a patient's rows one after another, so a
-- change of the same patient as the newest row of the log is not logged again: one row per patient per
-- run instead of one per appointment. (The newest row is never one a refresh has seen: a refresh's mark
-- always follows those.)
CREATE TRIGGER tr_patients_changes_insert AFTER INSERT ON patients
BEGIN
    INSERT INTO patient_changes (patient_id)
    SELECT NEW.patient_id WHERE NEW.patient_id IS NOT (SELECT patient_id FROM patient_changes ORDER BY change_id DESC LIMIT 1);
END;

-- Only the columns the rules read: a new phone number changes no flag.
CREATE TRIGGER tr_patients_changes_update AFTER UPDATE OF patient_id, clinic_id, do_not_contact ON patients
BEGIN
    INSERT INTO patient_changes (patient_id) SELECT OLD.patient_id WHERE OLD.patient_id IS NOT NEW.patient_id;
    INSERT INTO patient_changes (patient_id)
    SELECT NEW.patient_id WHERE NEW.patient_id IS NOT (SELECT patient_id FROM patient_changes ORDER BY change_id DESC LIMIT 1);
END;

CREATE TRIGGER tr_patients_changes_delete AFTER DELETE ON patients
BEGIN
    INSERT INTO patient_changes (patient_id) VALUES (OLD.patient_id);
END;

CREATE TRIGGER tr_episodes_changes_insert AFTER INSERT ON episodes
BEGIN
    INSERT INTO patient_changes (patient_id)
    SELECT NEW.patient_id WHERE NEW.patient_id IS NOT (SELECT patient_id FROM patient_changes ORDER BY change_id DESC LIMIT 1);
END;

CREATE TRIGGER tr_episodes_changes_update AFTER UPDATE ON episodes
BEGIN
    INSERT INTO patient_changes (patient_id) SELECT OLD.patient_id WHERE OLD.patient_id IS NOT NEW.patient_id;
    INSERT INTO patient_changes (patient_id)
    SELECT NEW.patient_id WHERE NEW.patient_id IS NOT (SELECT patient_id FROM patient_changes ORDER BY change_id DESC LIMIT 1);
END;

CREATE TRIGGER tr_episodes_changes_delete AFTER DELETE ON episodes
BEGIN
    INSERT INTO patient_changes (patient_id)
    SELECT OLD.patient_id WHERE OLD.patient_id IS NOT (SELECT patient_id FROM patient_changes ORDER BY change_id DESC LIMIT 1);
END;

CREATE TRIGGER tr_appointments_changes_insert AFTER INSERT ON appointments
BEGIN
    INSERT INTO patient_changes (patient_id)
    SELECT NEW.patient_id WHERE NEW.patient_id IS NOT (SELECT patient_id FROM patient_changes ORDER BY change_id DESC LIMIT 1);
END;

CREATE TRIGGER tr_appointments_changes_update AFTER UPDATE ON appointments
BEGIN
    INSERT INTO patient_changes (patient_id) SELECT OLD.patient_id WHERE OLD.patient_id IS NOT NEW.patient_id;
    INSERT INTO patient_changes (patient_id)
    SELECT NEW.patient_id WHERE NEW.patient_id IS NOT (SELECT patient_id FROM patient_changes ORDER BY change_id DESC LIMIT 1);
END;

CREATE TRIGGER tr_appointments_changes_delete AFTER DELETE ON appointments
BEGIN
    INSERT INTO patient_changes (patient_id)
    SELECT OLD.patient_id WHERE OLD.patient_id IS NOT (SELECT patient_id FROM patient_changes ORDER BY change_id DESC LIMIT 1);
END;

CREATE TRIGGER tr_outreach_do_not_contact_changes_insert AFTER INSERT ON outreach_do_not_contact
BEGIN
    INSERT INTO patient_changes (patient_id) VALUES (NEW.patient_id);
END;

CREATE TRIGGER tr_outreach_do_not_contact_changes_update AFTER UPDATE ON outreach_do_not_contact
BEGIN
    INSERT INTO patient_changes (patient_id) VALUES (OLD.patient_id);
    INSERT INTO patient_changes (patient_id) SELECT NEW.patient_id WHERE NEW.patient_id IS NOT OLD.patient_id;
END;

CREATE TRIGGER tr_outreach_do_not_contact_changes_delete AFTER DELETE ON outreach_do_not_contact
BEGIN
    INSERT INTO patient_changes (patient_id) VALUES (OLD.patient_id);
END;
