-- The weekly outreach lists are written from the flags refresh-flags stored that night when the set is
-- there, instead of judging every patient again; a list row names the provider who discharged the
-- patient, so the stored flag keeps that provider's id too. Sets stored before this script have none
-- (the provider cell stays blank) until the next night replaces them.
ALTER TABLE dbo.patient_flags ADD discharging_provider_id varchar(64) NULL;
