-- patient_flags is derived data: refresh-flags writes it, and nothing else does. It writes a clinic's set
-- row first and every flag from a patient it has just read, in one transaction. Its two foreign keys did
-- not guard anything that writer does not already guarantee, but they cost two look-ups per flag (issue 7:
-- 84,000 flags at 5M appointments a night). Without the patient key, removing a patient no longer fails on
-- that patient's old flags. SQLite cannot drop a constraint: the table is rebuilt without them, its rows
-- kept.
CREATE TABLE patient_flags_rebuilt (
    clinic_id        TEXT    NOT NULL,
    as_of            TEXT    NOT NULL,
    patient_id       TEXT    NOT NULL,
    flag             TEXT    NOT NULL CHECK (flag IN ('dropped_after_acute', 'maintenance_lapsed')),
    acute_end        TEXT    NULL,
    end_type         TEXT    NULL,
    last_maintenance TEXT    NULL,
    days_since       INTEGER NOT NULL,
    priority         INTEGER NOT NULL,
    reason           TEXT    NOT NULL,
    PRIMARY KEY (clinic_id, as_of, patient_id)
);

INSERT INTO patient_flags_rebuilt (clinic_id, as_of, patient_id, flag, acute_end, end_type, last_maintenance, days_since, priority, reason)
SELECT clinic_id, as_of, patient_id, flag, acute_end, end_type, last_maintenance, days_since, priority, reason
FROM patient_flags;

DROP TABLE patient_flags;

ALTER TABLE patient_flags_rebuilt RENAME TO patient_flags;
