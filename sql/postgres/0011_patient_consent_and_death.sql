-- What the clinic's own system says about reaching a patient: the date of death (a deceased patient is
-- never flagged, listed, queued or contacted) and consent per channel (a channel not allowed is never
-- offered on a list). Existing patients stay alive and reachable on every channel, as they were.
ALTER TABLE patients ADD COLUMN deceased_on date NULL;
ALTER TABLE patients ADD COLUMN allow_phone boolean NOT NULL DEFAULT true;
ALTER TABLE patients ADD COLUMN allow_sms boolean NOT NULL DEFAULT true;
ALTER TABLE patients ADD COLUMN allow_email boolean NOT NULL DEFAULT true;

-- The retention reader reads them with every patient: its covering index (0002) holds them too.
DROP INDEX ix_patients_history;
CREATE INDEX ix_patients_history ON patients (patient_id)
    INCLUDE (clinic_id, do_not_contact, deceased_on, allow_phone, allow_sms, allow_email);
