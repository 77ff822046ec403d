-- Sources (docs/sources.md): which source each clinic's data comes from, how each source's last sync went
-- (so refresh-flags can say how old the copy it judged is), and the export sets a folder source has
-- imported (so no set is ever imported twice). Numbered 0012 so that scripts written at the same time on
-- other branches keep numbers of their own.

-- A clinic a source returned: that source is its system of record, and a later sync that no longer
-- returns it empties it (within the large-removal guard).
CREATE TABLE source_clinics (
    clinic_id   TEXT NOT NULL PRIMARY KEY REFERENCES clinics (clinic_id),
    source_name TEXT NOT NULL
);

CREATE INDEX ix_source_clinics_source ON source_clinics (source_name);

-- One row per source: its last attempt and its last success. Times are UTC.
CREATE TABLE source_syncs (
    source_name     TEXT NOT NULL PRIMARY KEY,
    last_attempt_at TEXT NOT NULL,
    last_outcome    TEXT NOT NULL CHECK (last_outcome IN ('succeeded', 'failed')),
    last_success_at TEXT NULL
);

-- Every export set a folder source imported, by a fingerprint of its files' names, sizes and contents.
CREATE TABLE source_folder_sets (
    source_name TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    set_name    TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    PRIMARY KEY (source_name, fingerprint)
);
