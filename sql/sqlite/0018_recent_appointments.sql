-- A pass for flags as of a date reads only the patients whose history can still flag them: an
-- appointment, an episode start or a discharge within the lookback (FlagWriter.EarliestDateThatCanFlag).
-- This index finds the appointments of that window without reading the rest; the patients, their
-- episodes and appointments are then read through the history indexes of script 0002 as before.
CREATE INDEX ix_appointments_recent ON appointments (starts_at, patient_id);
