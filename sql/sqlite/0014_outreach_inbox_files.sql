-- Every worked list the outreach-inbox job took out of the inbox folder: imported, or rejected with its
-- problems beside it. The web app shows each clinic's latest. clinic_id has no foreign key: a rejected
-- file may name a clinic this database does not have, or none at all (a random workbook). No patient
-- data: counts, the file's name, where it was moved, and the first problem's text (which never quotes
-- a patient's value).
CREATE TABLE outreach_inbox_files (
    entry_id          TEXT    NOT NULL PRIMARY KEY,
    clinic_id         TEXT    NULL,
    file_name         TEXT    NOT NULL,
    list_as_of        TEXT    NULL,
    status            TEXT    NOT NULL CHECK (status IN ('imported', 'rejected')),
    handled_at        TEXT    NOT NULL,
    recorded          INTEGER NOT NULL,
    already_recorded  INTEGER NOT NULL,
    problems          INTEGER NOT NULL,
    summary           TEXT    NOT NULL,
    moved_to          TEXT    NOT NULL
);

CREATE INDEX ix_outreach_inbox_files_clinic ON outreach_inbox_files (clinic_id, handled_at);
CREATE INDEX ix_outreach_inbox_files_handled ON outreach_inbox_files (handled_at);
