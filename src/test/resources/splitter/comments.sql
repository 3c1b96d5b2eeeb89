-- Every comment kind the client knows. Leading comments are dropped; the ones inside a
-- statement stay, because the server gets the statement exactly as written.
# a hash comment before the first statement
/* a block comment
   over several lines; with a semicolon */
CREATE TABLE account (
  id BIGINT PRIMARY KEY, -- trailing dash comment; with a semicolon
  name VARCHAR(50) NOT NULL # trailing hash comment; with a semicolon
  /* a block comment; inside the statement */
);

SELECT 1--1 AS two_dashes_without_space_are_minus_minus;
SELECT 5 --x
  AS still_arithmetic;
SELECT 3 -- a real comment hides this; and this
  AS three;
SELECT 4 --	tab after the dashes also opens a comment; see
  AS four;
SELECT '-- not a comment; nor # this; nor /* this */' AS text_value;
SELECT "# not a comment; /* either */" AS text_value;
SELECT 1 /* inline */ + /* another; one */ 2 AS sum_value;  -- comment after the delimiter
/* a comment between statements; */ SELECT 'after a leading comment' AS placement;
SELECT 6 /* a comment ends the statement */;
/**/SELECT 7 AS after_empty_comment;
/* a comment with a / and a * and ** and a ; */
--
-- a lone delimiter between comments is an empty statement, skipped:
;
# the last line: a comment without a newline after it