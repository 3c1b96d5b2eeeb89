-- The database behind the mariadb-dump-*.sql golden files. To regenerate them:
--   mysql -h127.0.0.1 -uroot < dump-source.sql
--   mariadb-dump -h127.0.0.1 -uroot --routines --triggers --events --skip-dump-date \
--       --databases splitter_golden > mariadb-dump-10.11.sql
--   mysql -h127.0.0.1 -uroot -e 'DROP DATABASE splitter_golden'
-- StatementSplitterTest.stockDumpsShouldHoldEveryObjectOfTheSourceDatabase counts what it creates:
-- 3 tables, 1 view, 1 procedure, 1 function, 1 trigger, 1 event.
SET NAMES utf8mb4;
DROP DATABASE IF EXISTS splitter_golden;
CREATE DATABASE splitter_golden CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
USE splitter_golden;

CREATE TABLE customer (
  id INT PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  note TEXT NULL COMMENT 'free text; may hold ''quotes''',
  balance DECIMAL(10,2) NULL
);

CREATE TABLE orders (
  id INT AUTO_INCREMENT PRIMARY KEY,
  customer_id INT NOT NULL,
  amount DECIMAL(10,2) NOT NULL,
  status ENUM('new', 'paid', 'it''s late') NOT NULL DEFAULT 'new',
  CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);

CREATE TABLE audit_log (
  id INT AUTO_INCREMENT PRIMARY KEY,
  message VARCHAR(200) NOT NULL
);

INSERT INTO customer VALUES
  (1, 'O''Brien', 'said "hi"; then left', 10.50),
  (2, 'Back\\slash', 'C:\\temp\\new; -- not a comment', NULL),
  (3, 'Zoë 日本 😀', 'line one\nline two /* not a comment */ # nor this', -3.25),
  (4, 'Semi;colon', NULL, NULL),
  (5, '`tick`', 'DELIMITER $$', 0);

INSERT INTO orders (customer_id, amount, status) VALUES
  (1, 99.99, 'paid'), (2, 5.00, 'new'), (3, 12.34, 'it''s late');

CREATE VIEW customer_totals AS
  SELECT c.id, c.name, SUM(o.amount) AS total
  FROM customer c LEFT JOIN orders o ON o.customer_id = c.id
  GROUP BY c.id, c.name;

DELIMITER $$
CREATE PROCEDURE add_order(IN p_customer INT, IN p_amount DECIMAL(10,2))
BEGIN
  -- two statements, so the body only survives with a DELIMITER
  INSERT INTO orders (customer_id, amount) VALUES (p_customer, p_amount);
  UPDATE customer SET balance = COALESCE(balance, 0) - p_amount WHERE id = p_customer;
END$$

CREATE FUNCTION order_total(p_customer INT) RETURNS DECIMAL(10,2)
READS SQL DATA
BEGIN
  DECLARE total DECIMAL(10,2);
  SELECT COALESCE(SUM(amount), 0) INTO total FROM orders WHERE customer_id = p_customer;
  RETURN total;
END$$

CREATE TRIGGER orders_after_insert AFTER INSERT ON orders FOR EACH ROW
BEGIN
  INSERT INTO audit_log (message) VALUES (CONCAT('order ', NEW.id, '; amount ', NEW.amount));
  IF NEW.amount > 1000 THEN
    INSERT INTO audit_log (message) VALUES ('big order');
  END IF;
END$$

CREATE EVENT purge_audit_log ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 03:00:00'
DO BEGIN
  DELETE FROM audit_log WHERE id < 100;
  INSERT INTO audit_log (message) VALUES ('purged');
END$$
DELIMITER ;

-- fires the trigger, so audit_log holds data too
CALL add_order(5, 1.00);
