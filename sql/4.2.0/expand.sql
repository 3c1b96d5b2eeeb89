-- DemoCloud 4.2.0 expand. Nodes of 4.0.0 and 4.1.0 keep running until cleanup: each change
-- below leaves what they read and write in place.

-- 1. event.level (text) gives way to event.severity (syslog numbers: 3 error, 4 warning,
--    6 info, 7 debug). Old nodes write level only. 4.2.0 nodes write severity (and may write
--    level too): the triggers fill in whichever one the writer left out, BackfillEventSeverity
--    fills the rows written before, and cleanup drops level.
ALTER TABLE event ADD COLUMN severity TINYINT UNSIGNED NULL, ALGORITHM=INSTANT;

DELIMITER $$
-- An old node's insert has no severity: derive it from level. A 4.2.0 node's severity wins, and
-- level follows it for the old nodes that still read level.
CREATE TRIGGER event_sync_severity_on_insert BEFORE INSERT ON event FOR EACH ROW
BEGIN
  IF NEW.severity IS NULL THEN
    SET NEW.severity = CASE NEW.level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END;
  ELSEIF NEW.severity <> CASE NEW.level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END THEN
    SET NEW.level = CASE WHEN NEW.severity <= 3 THEN 'ERROR' WHEN NEW.severity = 4 THEN 'WARN'
                         WHEN NEW.severity >= 7 THEN 'DEBUG' ELSE 'INFO' END;
  END IF;
END$$

-- An old node changes level and leaves severity alone: severity follows. A 4.2.0 node changes
-- severity: level follows. (A row not backfilled yet keeps a NULL severity until the backfill.)
CREATE TRIGGER event_sync_severity_on_update BEFORE UPDATE ON event FOR EACH ROW
BEGIN
  IF NOT (NEW.level <=> OLD.level) AND NEW.severity <=> OLD.severity THEN
    SET NEW.severity = CASE NEW.level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END;
  ELSEIF NEW.severity <> CASE NEW.level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END THEN
    SET NEW.level = CASE WHEN NEW.severity <= 3 THEN 'ERROR' WHEN NEW.severity = 4 THEN 'WARN'
                         WHEN NEW.severity >= 7 THEN 'DEBUG' ELSE 'INFO' END;
  END IF;
END$$
DELIMITER ;

-- 2. Billing reads one account's usage over a period (account_usage below): index it, online.
CREATE INDEX ix_usage_event_account_created ON usage_event (account_id, created) ALGORITHM=INPLACE LOCK=NONE;

-- 3. For 4.2.0 nodes: the event list with severity names, and the billing query. Both run with
--    the caller's privileges, so they outlive the account that deployed them.
CREATE SQL SECURITY INVOKER VIEW event_view AS
  SELECT e.id, e.type, e.state, e.severity,
         CASE WHEN e.severity <= 3 THEN 'ERROR' WHEN e.severity = 4 THEN 'WARN' WHEN e.severity >= 7 THEN 'DEBUG'
              WHEN e.severity IS NOT NULL THEN 'INFO' END AS severity_name, -- NULL until backfilled
         e.description, e.account_id, a.name AS account_name, e.created
    FROM event e
    JOIN account a ON a.id = e.account_id;

DELIMITER $$
-- One account's usage in [from, to), per usage type.
CREATE PROCEDURE account_usage(IN p_account_id BIGINT UNSIGNED, IN p_from DATETIME, IN p_to DATETIME)
  READS SQL DATA
  SQL SECURITY INVOKER
BEGIN
  SELECT type, COUNT(*) AS records, SUM(size) AS total_size
    FROM usage_event
   WHERE account_id = p_account_id AND created >= p_from AND created < p_to
   GROUP BY type
   ORDER BY type;
END$$
DELIMITER ;
