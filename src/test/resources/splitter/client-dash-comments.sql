-- The comment forms of the stock mariadb client, above all --text (dashes without a space).
-- What mariadb 10.11.19 (default --skip-comments) sent for this file, read in the general log of
-- a throwaway server after `mariadb --force db < client-dash-comments.sql`:
-- * statements 1-8, 13-16 and 18 exactly as client-dash-comments.expected has them. Every --text
--   line before a statement's first token was dropped: --Leading, --;, --text indented by spaces
--   or a tab, ---three, --text after "SELECT 13 ...;" on the same line, after a leading /* */
--   comment, after DELIMITER // and between statements under //. So was the final -- (no newline).
-- * statements 7 and 16 with their --text line: code inside a statement; the server refused both
--   (1064), and so it will when this tool sends them.
-- * statements 9-12 and 17 with each "-- ", "--<tab>" and "#" comment cut out up to its line end
--   ("SELECT 10 \nAS ..."); the splitter keeps comments inside a statement, the server skips them.
--Leading comment without a space: the client drops the whole line
SELECT 1 AS dash_text_before;
--;
SELECT 2 AS dash_semicolon_line_before;
-- a comment with a space, the portable form
SELECT 3 AS dash_space_before;
   --indented by spaces
	--indented by a tab
SELECT 4 AS indented_dash_text_before;
--	a tab right after the dashes
SELECT 5 AS dash_tab_before;
#hash comment before
---three dashes
SELECT 6 AS hash_and_three_dashes_before;
SELECT 7
--text inside a statement is code: the server refuses it (1064)
AS dash_text_inside;
SELECT 8 --1
AS minus_minus_one_after_code;
SELECT 9
-- a comment with a space inside a statement
AS dash_space_inside;
SELECT 10 -- after code, with a space
AS dash_space_after_code;
SELECT 11 --	a tab after the dashes, after code
AS dash_tab_after_code;
SELECT 12
#hash inside
AS hash_inside;
SELECT '--text in a string' AS dash_text_in_string;
SELECT 13 AS dash_text_after_delimiter;--text after the delimiter, on the same line
/* a block comment */ --text after it
SELECT 14 AS after_block_comment;
DELIMITER //
--text right after DELIMITER
CREATE PROCEDURE dash_text_in_body()
BEGIN
--text in a routine body is code: the server refuses it (1064)
  SELECT 15;
END//
--text between statements under //
CREATE PROCEDURE dash_space_in_body()
BEGIN
-- a comment with a space in a routine body
  SELECT 16;
END//
DELIMITER ;
SELECT 17 AS last_statement;
--