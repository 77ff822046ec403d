-- The retention reader streams patients, episodes and appointments, each ordered by patient, date and id
-- (the id makes the order the same on every database), and reads the same few columns of every row.
-- Indexes that hold those columns in that order serve each stream with an index-only scan: no sort, and
-- no heap fetch per row once the table is vacuumed (at a million appointments about four times faster
-- than an index scan with heap fetches). They serve every per-patient look-up too, so they replace
-- 0001's narrower indexes.

CREATE INDEX ix_patients_history ON patients (patient_id) INCLUDE (clinic_id, do_not_contact);

CREATE INDEX ix_episodes_history ON episodes (patient_id, started_on, episode_id)
    INCLUDE (clinic_id, discharged_on, discharge_reason, body_region, referral_source, maintenance_interval_days);
DROP INDEX ix_episodes_patient;

CREATE INDEX ix_appointments_history ON appointments (patient_id, starts_at, appointment_id)
    INCLUDE (service, status, clinic_id, provider_id, episode_id);
DROP INDEX ix_appointments_patient_starts;
