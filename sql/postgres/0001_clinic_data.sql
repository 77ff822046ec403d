-- The clinic data every EMR export maps to (README: "The data contract").

CREATE TABLE clinics (
    clinic_id   varchar(64)  NOT NULL PRIMARY KEY,
    name        varchar(200) NOT NULL,
    time_zone   varchar(64)  NOT NULL
);

CREATE TABLE providers (
    provider_id varchar(64)  NOT NULL PRIMARY KEY,
    clinic_id   varchar(64)  NOT NULL REFERENCES clinics (clinic_id),
    name        varchar(200) NOT NULL,
    discipline  varchar(32)  NOT NULL CHECK (discipline IN ('physical_therapy', 'massage_therapy'))
);

CREATE TABLE patients (
    patient_id        varchar(64)  NOT NULL PRIMARY KEY,
    clinic_id         varchar(64)  NOT NULL REFERENCES clinics (clinic_id),
    first_name        varchar(100) NOT NULL,
    last_name         varchar(100) NOT NULL,
    birth_date        date         NULL,
    phone             varchar(40)  NULL,
    email             varchar(254) NULL,
    preferred_channel varchar(16)  NULL CHECK (preferred_channel IN ('phone', 'sms', 'email')),
    do_not_contact    boolean      NOT NULL DEFAULT false
);

CREATE TABLE episodes (
    episode_id                varchar(64)  NOT NULL PRIMARY KEY,
    patient_id                varchar(64)  NOT NULL REFERENCES patients (patient_id),
    clinic_id                 varchar(64)  NOT NULL REFERENCES clinics (clinic_id),
    started_on                date         NOT NULL,
    discharged_on             date         NULL,
    discharge_reason          varchar(32)  NULL CHECK (discharge_reason IN ('goals_met', 'self_discharged', 'referred_out', 'other')),
    condition                 varchar(200) NULL,
    body_region               varchar(100) NULL,
    referral_source           varchar(100) NULL,
    maintenance_interval_days integer      NULL CHECK (maintenance_interval_days > 0)
);

CREATE INDEX ix_episodes_patient ON episodes (patient_id, started_on);

CREATE TABLE appointments (
    appointment_id varchar(64) NOT NULL PRIMARY KEY,
    patient_id     varchar(64) NOT NULL REFERENCES patients (patient_id),
    clinic_id      varchar(64) NOT NULL REFERENCES clinics (clinic_id),
    provider_id    varchar(64) NULL REFERENCES providers (provider_id),
    episode_id     varchar(64) NULL REFERENCES episodes (episode_id),
    service        varchar(32) NOT NULL CHECK (service IN ('pt', 'recovery_massage', 'maintenance_massage')),
    -- Clinic local wall-clock time, as the EMR exports it.
    starts_at      timestamp(0) without time zone NOT NULL,
    status         varchar(16) NOT NULL CHECK (status IN ('booked', 'completed', 'cancelled', 'no_show')),
    booked_at      timestamp with time zone NULL
);

-- The retention engine streams every appointment ordered by patient and date; this index serves that
-- scan and every per-patient look-up.
CREATE INDEX ix_appointments_patient_starts ON appointments (patient_id, starts_at);
CREATE INDEX ix_appointments_clinic_starts ON appointments (clinic_id, starts_at);
