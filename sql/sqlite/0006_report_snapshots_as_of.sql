-- Each kept number remembers the as-of date of the workbook that reported it: a workbook dated earlier
-- (looking back) neither uses nor replaces it. Numbers kept before this script count as kept as of the
-- earliest date, so every later workbook keeps using them.
ALTER TABLE report_snapshots ADD COLUMN as_of TEXT NOT NULL DEFAULT '0001-01-01';
