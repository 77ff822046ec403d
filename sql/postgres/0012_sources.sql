-- Sources (docs/sources.md): which source each clinic's data comes from, how each source's last sync went
-- (so refresh-flags can say how old the copy it judged is), and the export sets a folder source has
-- imported (so no set is ever imported twice). Numbered 0012 so that scripts written at the same time on
-- other branches keep numbers of their own.

-- A clinic a source returned: that source is its system of record, and a later sync that no longer
-- returns it empties it (within the large-removal guard).
CREATE TABLE source_clinics (
    clinic_id   varchar(64)  NOT NULL PRIMARY KEY REFERENCES clinics (clinic_id),
    source_name varchar(100) NOT NULL
);

CREATE INDEX ix_source_clinics_source ON source_clinics (source_name);

-- One row per source: its last attempt and its last success.
CREATE TABLE source_syncs (
    source_name     varchar(100) NOT NULL PRIMARY KEY,
    last_attempt_at timestamp with time zone NOT NULL,
    last_outcome    varchar(16)  NOT NULL CHECK (last_outcome IN ('succeeded', 'failed')),
    last_success_at timestamp with time zone NULL
);

-- Every export set a folder source imported, by a fingerprint of its files' names, sizes and contents.
CREATE TABLE source_folder_sets (
    source_name varchar(100) NOT NULL,
    fingerprint varchar(64)  NOT NULL,
    set_name    varchar(400) NOT NULL,
    imported_at timestamp with time zone NOT NULL,
    PRIMARY KEY (source_name, fingerprint)
);
