-- What the clinic's own system says about reaching a patient: the date of death (a deceased patient is
-- never flagged, listed, queued or contacted) and consent per channel (a channel not allowed is never
-- offered on a list). Existing patients stay alive and reachable on every channel, as they were.
ALTER TABLE dbo.patients ADD
    deceased_on date NULL,
    allow_phone bit  NOT NULL CONSTRAINT df_patients_allow_phone DEFAULT 1,
    allow_sms   bit  NOT NULL CONSTRAINT df_patients_allow_sms DEFAULT 1,
    allow_email bit  NOT NULL CONSTRAINT df_patients_allow_email DEFAULT 1;
