-- What the clinic's own system says about reaching a patient: the date of death (a deceased patient is
-- never flagged, listed, queued or contacted) and consent per channel (a channel not allowed is never
-- offered on a list). Existing patients stay alive and reachable on every channel, as they were.
ALTER TABLE patients ADD COLUMN deceased_on TEXT NULL;
ALTER TABLE patients ADD COLUMN allow_phone INTEGER NOT NULL DEFAULT 1 CHECK (allow_phone IN (0, 1));
ALTER TABLE patients ADD COLUMN allow_sms INTEGER NOT NULL DEFAULT 1 CHECK (allow_sms IN (0, 1));
ALTER TABLE patients ADD COLUMN allow_email INTEGER NOT NULL DEFAULT 1 CHECK (allow_email IN (0, 1));

-- The retention reader reads them with every patient: its covering index (0002) holds them too.
DROP INDEX ix_patients_history;
CREATE INDEX ix_patients_history ON patients (patient_id, clinic_id, do_not_contact, deceased_on, allow_phone, allow_sms, allow_email);
