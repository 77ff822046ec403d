-- patient_flags is derived data: refresh-flags writes it, and nothing else does. It writes a clinic's set
-- row first and every flag from a patient it has just read, in one transaction. Its two foreign keys did
-- not guard anything that writer does not already guarantee, but they cost the server two look-ups per
-- flag (a trigger per row): about 10 µs a flag, on the cores the nightly pass reads with (issue 7: 84,000
-- flags at 5M appointments, 0.8 s of server time a night). Without the patient key, removing a patient no
-- longer fails on that patient's old flags.
ALTER TABLE patient_flags DROP CONSTRAINT IF EXISTS patient_flags_patient_id_fkey;
ALTER TABLE patient_flags DROP CONSTRAINT IF EXISTS patient_flags_clinic_id_as_of_fkey;
