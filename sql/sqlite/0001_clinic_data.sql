-- The clinic data every EMR export maps to (README: "The data contract").
-- SQLite stores dates as ISO-8601 text ('YYYY-MM-DD'), so text order is date order.

CREATE TABLE clinics (
    clinic_id   TEXT NOT NULL PRIMARY KEY,
    name        TEXT NOT NULL,
    time_zone   TEXT NOT NULL
);

CREATE TABLE providers (
    provider_id TEXT NOT NULL PRIMARY KEY,
    clinic_id   TEXT NOT NULL REFERENCES clinics (clinic_id),
    name        TEXT NOT NULL,
    discipline  TEXT NOT NULL CHECK (discipline IN ('physical_therapy', 'massage_therapy'))
);

CREATE TABLE patients (
    patient_id        TEXT NOT NULL PRIMARY KEY,
    clinic_id         TEXT NOT NULL REFERENCES clinics (clinic_id),
    first_name        TEXT NOT NULL,
    last_name         TEXT NOT NULL,
    birth_date        TEXT NULL,
    phone             TEXT NULL,
    email             TEXT NULL,
    preferred_channel TEXT NULL CHECK (preferred_channel IN ('phone', 'sms', 'email')),
    do_not_contact    INTEGER NOT NULL DEFAULT 0 CHECK (do_not_contact IN (0, 1))
);

CREATE TABLE episodes (
    episode_id                TEXT NOT NULL PRIMARY KEY,
    patient_id                TEXT NOT NULL REFERENCES patients (patient_id),
    clinic_id                 TEXT NOT NULL REFERENCES clinics (clinic_id),
    started_on                TEXT NOT NULL,
    discharged_on             TEXT NULL,
    discharge_reason          TEXT NULL CHECK (discharge_reason IN ('goals_met', 'self_discharged', 'referred_out', 'other')),
    condition                 TEXT NULL,
    body_region               TEXT NULL,
    referral_source           TEXT NULL,
    maintenance_interval_days INTEGER NULL CHECK (maintenance_interval_days > 0)
);

CREATE INDEX ix_episodes_patient ON episodes (patient_id, started_on);

CREATE TABLE appointments (
    appointment_id TEXT NOT NULL PRIMARY KEY,
    patient_id     TEXT NOT NULL REFERENCES patients (patient_id),
    clinic_id      TEXT NOT NULL REFERENCES clinics (clinic_id),
    provider_id    TEXT NULL REFERENCES providers (provider_id),
    episode_id     TEXT NULL REFERENCES episodes (episode_id),
    service        TEXT NOT NULL CHECK (service IN ('pt', 'recovery_massage', 'maintenance_massage')),
    starts_at      TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('booked', 'completed', 'cancelled', 'no_show')),
    booked_at      TEXT NULL
);

-- The retention engine streams every appointment ordered by patient and date; this index serves that
-- scan and every per-patient look-up.
CREATE INDEX ix_appointments_patient_starts ON appointments (patient_id, starts_at);
CREATE INDEX ix_appointments_clinic_starts ON appointments (clinic_id, starts_at);
