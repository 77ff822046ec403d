-- Secrets of this installation, made on first use (docs/security.md, "Worked outreach lists"). 'outreach-list-signing'
-- signs each outreach list and its row keys (HMAC-SHA256), so a list is accepted only by the database it
-- was made from and a row key cannot be made up or edited. Never printed, never leaves the database.
CREATE TABLE dbo.installation_secrets (
    name  varchar(100) NOT NULL CONSTRAINT pk_installation_secrets PRIMARY KEY,
    value varchar(200) NOT NULL
);
