-- patient_flags is derived data: refresh-flags writes it, and nothing else does. It writes a clinic's set
-- row first and every flag from a patient it has just read, in one transaction. Its two foreign keys did
-- not guard anything that writer does not already guarantee, but they cost the server two look-ups per
-- flag (issue 7: 84,000 flags at 5M appointments a night). Without the patient key, removing a patient no
-- longer fails on that patient's old flags.
ALTER TABLE dbo.patient_flags DROP CONSTRAINT fk_patient_flags_patient;
ALTER TABLE dbo.patient_flags DROP CONSTRAINT fk_patient_flags_set;
