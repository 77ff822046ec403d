-- Every worked list the outreach-inbox job took out of the inbox folder: imported, or rejected with its
-- problems beside it. The web app shows each clinic's latest. clinic_id has no foreign key: a rejected
-- file may name a clinic this database does not have, or none at all (a random workbook). No patient
-- data: counts, the file's name, where it was moved, and the first problem's text (which never quotes
-- a patient's value).
CREATE TABLE dbo.outreach_inbox_files (
    entry_id          varchar(40)    NOT NULL CONSTRAINT pk_outreach_inbox_files PRIMARY KEY,
    clinic_id         varchar(64)    NULL,
    file_name         nvarchar(260)  NOT NULL,
    list_as_of        date           NULL,
    status            varchar(16)    NOT NULL CONSTRAINT ck_outreach_inbox_files_status CHECK (status IN ('imported', 'rejected')),
    -- UTC.
    handled_at        datetime2(0)   NOT NULL,
    recorded          int            NOT NULL,
    already_recorded  int            NOT NULL,
    problems          int            NOT NULL,
    summary           nvarchar(1000) NOT NULL,
    moved_to          nvarchar(1000) NOT NULL
);

CREATE INDEX ix_outreach_inbox_files_clinic ON dbo.outreach_inbox_files (clinic_id, handled_at);
CREATE INDEX ix_outreach_inbox_files_handled ON dbo.outreach_inbox_files (handled_at);
