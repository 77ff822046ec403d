-- Sources (docs/sources.md): which source each clinic's data comes from, how each source's last sync went
-- (so refresh-flags can say how old the copy it judged is), and the export sets a folder source has
-- imported (so no set is ever imported twice). Numbered 0012 so that scripts written at the same time on
-- other branches keep numbers of their own.

-- A clinic a source returned: that source is its system of record, and a later sync that no longer
-- returns it empties it (within the large-removal guard).
CREATE TABLE dbo.source_clinics (
    clinic_id   varchar(64)   NOT NULL CONSTRAINT pk_source_clinics PRIMARY KEY
                              CONSTRAINT fk_source_clinics_clinic REFERENCES dbo.clinics (clinic_id),
    source_name nvarchar(100) NOT NULL
);

CREATE INDEX ix_source_clinics_source ON dbo.source_clinics (source_name);

-- One row per source: its last attempt and its last success. Times are UTC.
CREATE TABLE dbo.source_syncs (
    source_name     nvarchar(100) NOT NULL CONSTRAINT pk_source_syncs PRIMARY KEY,
    last_attempt_at datetime2(3)  NOT NULL,
    last_outcome    varchar(16)   NOT NULL CONSTRAINT ck_source_syncs_outcome CHECK (last_outcome IN ('succeeded', 'failed')),
    last_success_at datetime2(3)  NULL
);

-- Every export set a folder source imported, by a fingerprint of its files' names, sizes and contents.
CREATE TABLE dbo.source_folder_sets (
    source_name nvarchar(100) NOT NULL,
    fingerprint varchar(64)   NOT NULL,
    set_name    nvarchar(400) NOT NULL,
    imported_at datetime2(3)  NOT NULL,
    CONSTRAINT pk_source_folder_sets PRIMARY KEY (source_name, fingerprint)
);
