-- Written for 'mysql cloud < file': the rest would run in another database.
USE cloud_audit;
ALTER TABLE host ADD COLUMN zone INT NULL;
