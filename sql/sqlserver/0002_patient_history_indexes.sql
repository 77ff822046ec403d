-- The retention reader streams patients, episodes and appointments, each ordered by patient, date and id
-- (the id makes the order the same on every database), and reads the same few columns of every row.
-- Indexes that hold those columns in that order serve each stream on their own: no sort, and no key
-- look-up per row. They serve every per-patient look-up too, so they replace 0001's narrower indexes.
-- Patients need none here: their primary key is the clustered index, which holds every column.

CREATE INDEX ix_episodes_history ON dbo.episodes (patient_id, started_on, episode_id)
    INCLUDE (clinic_id, discharged_on, discharge_reason, body_region, referral_source, maintenance_interval_days);
DROP INDEX ix_episodes_patient ON dbo.episodes;

CREATE INDEX ix_appointments_history ON dbo.appointments (patient_id, starts_at, appointment_id)
    INCLUDE (service, status, clinic_id, provider_id, episode_id);
DROP INDEX ix_appointments_patient_starts ON dbo.appointments;
