-- Text outside ASCII where the cutting rules look: a delimiter of non-ASCII characters, "--"
-- followed by a letter outside ASCII (not a comment: only a space or a control character opens
-- one), and names, strings and comments in other scripts.
CREATE TABLE `fête` (id INT PRIMARY KEY, libellé VARCHAR(40) NOT NULL DEFAULT 'é;è');
INSERT INTO `fête` VALUES (1, 'Ærø; ünïcødé'), (2, "日本語;中文");
SELECT 5 --é; SELECT 6 AS after_minus_minus_e;
SELECT 7 -- é is in a comment here; the statement goes on
  AS after_a_comment;
# Ça, c'est un commentaire; it ends the line
DELIMITER §§
CREATE PROCEDURE größe(IN n INT)
BEGIN
  SELECT n * 2 AS doppelt; -- ';' and '§' inside the body
  SELECT '§§ in a string does not end it';
END§§
SELECT 'Ωmega' AS last_one §§
DELIMITER ;
SELECT '→ back to semicolons' AS reset;
