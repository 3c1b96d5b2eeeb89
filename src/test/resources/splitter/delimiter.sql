-- Stored programs with BEGIN ... END bodies, under each common DELIMITER.
CREATE TABLE counter (id INT PRIMARY KEY, hits INT NOT NULL DEFAULT 0);

DELIMITER $$
CREATE PROCEDURE bump(IN p_id INT)
BEGIN
  INSERT INTO counter (id, hits) VALUES (p_id, 1)
    ON DUPLICATE KEY UPDATE hits = hits + 1;
  SELECT hits FROM counter WHERE id = p_id; -- ';' inside the body
END$$

CREATE DEFINER = CURRENT_USER FUNCTION hits_of(p_id INT) RETURNS INT
READS SQL DATA
BEGIN
  DECLARE result INT DEFAULT 0;
  SELECT hits INTO result FROM counter WHERE id = p_id;
  RETURN result;
END
$$
delimiter //
CREATE TRIGGER counter_never_negative BEFORE UPDATE ON counter FOR EACH ROW
BEGIN
  IF NEW.hits < 0 THEN
    SET NEW.hits = 0; /* clamp; silently */
  END IF;
END //
CREATE PROCEDURE labelled()
outer_block: BEGIN
  SELECT 'a // inside a string does not end it';
END outer_block//
DELIMITER ;;
CREATE EVENT reset_counters ON SCHEDULE EVERY 1 DAY
DO BEGIN
  UPDATE counter SET hits = 0;
  DELETE FROM counter WHERE id < 0;
END;;
SELECT 'two statements' AS one;; SELECT 'on one line' AS two;;
DELIMITER ;
SELECT 'back to semicolons' AS delimiter_reset;
CREATE TRIGGER one_statement_body AFTER DELETE ON counter FOR EACH ROW SET @last_deleted = OLD.id;
CREATE PROCEDURE empty_body() BEGIN END;
