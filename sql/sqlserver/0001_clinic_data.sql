-- The clinic data every EMR export maps to (README: "The data contract").

CREATE TABLE dbo.clinics (
    clinic_id   varchar(64)   NOT NULL CONSTRAINT pk_clinics PRIMARY KEY,
    name        nvarchar(200) NOT NULL,
    time_zone   varchar(64)   NOT NULL
);

CREATE TABLE dbo.providers (
    provider_id varchar(64)   NOT NULL CONSTRAINT pk_providers PRIMARY KEY,
    clinic_id   varchar(64)   NOT NULL CONSTRAINT fk_providers_clinic REFERENCES dbo.clinics (clinic_id),
    name        nvarchar(200) NOT NULL,
    discipline  varchar(32)   NOT NULL CONSTRAINT ck_providers_discipline CHECK (discipline IN ('physical_therapy', 'massage_therapy'))
);

CREATE TABLE dbo.patients (
    patient_id        varchar(64)   NOT NULL CONSTRAINT pk_patients PRIMARY KEY,
    clinic_id         varchar(64)   NOT NULL CONSTRAINT fk_patients_clinic REFERENCES dbo.clinics (clinic_id),
    first_name        nvarchar(100) NOT NULL,
    last_name         nvarchar(100) NOT NULL,
    birth_date        date          NULL,
    phone             varchar(40)   NULL,
    email             nvarchar(254) NULL,
    preferred_channel varchar(16)   NULL CONSTRAINT ck_patients_channel CHECK (preferred_channel IN ('phone', 'sms', 'email')),
    do_not_contact    bit           NOT NULL CONSTRAINT df_patients_dnc DEFAULT 0
);

CREATE TABLE dbo.episodes (
    episode_id                varchar(64)   NOT NULL CONSTRAINT pk_episodes PRIMARY KEY,
    patient_id                varchar(64)   NOT NULL CONSTRAINT fk_episodes_patient REFERENCES dbo.patients (patient_id),
    clinic_id                 varchar(64)   NOT NULL CONSTRAINT fk_episodes_clinic REFERENCES dbo.clinics (clinic_id),
    started_on                date          NOT NULL,
    discharged_on             date          NULL,
    discharge_reason          varchar(32)   NULL CONSTRAINT ck_episodes_reason CHECK (discharge_reason IN ('goals_met', 'self_discharged', 'referred_out', 'other')),
    condition                 nvarchar(200) NULL,
    body_region               nvarchar(100) NULL,
    referral_source           nvarchar(100) NULL,
    maintenance_interval_days int           NULL CONSTRAINT ck_episodes_interval CHECK (maintenance_interval_days > 0)
);

CREATE INDEX ix_episodes_patient ON dbo.episodes (patient_id, started_on);

CREATE TABLE dbo.appointments (
    appointment_id varchar(64)  NOT NULL CONSTRAINT pk_appointments PRIMARY KEY,
    patient_id     varchar(64)  NOT NULL CONSTRAINT fk_appointments_patient REFERENCES dbo.patients (patient_id),
    clinic_id      varchar(64)  NOT NULL CONSTRAINT fk_appointments_clinic REFERENCES dbo.clinics (clinic_id),
    provider_id    varchar(64)  NULL CONSTRAINT fk_appointments_provider REFERENCES dbo.providers (provider_id),
    episode_id     varchar(64)  NULL CONSTRAINT fk_appointments_episode REFERENCES dbo.episodes (episode_id),
    service        varchar(32)  NOT NULL CONSTRAINT ck_appointments_service CHECK (service IN ('pt', 'recovery_massage', 'maintenance_massage')),
    -- Clinic local wall-clock time, as the EMR exports it.
    starts_at      datetime2(0) NOT NULL,
    status         varchar(16)  NOT NULL CONSTRAINT ck_appointments_status CHECK (status IN ('booked', 'completed', 'cancelled', 'no_show')),
    -- UTC.
    booked_at      datetime2(0) NULL
);

-- The retention engine streams every appointment ordered by patient and date; this index serves that
-- scan and every per-patient look-up.
CREATE INDEX ix_appointments_patient_starts ON dbo.appointments (patient_id, starts_at);
CREATE INDEX ix_appointments_clinic_starts ON dbo.appointments (clinic_id, starts_at);
