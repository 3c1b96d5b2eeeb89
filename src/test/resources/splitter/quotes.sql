-- Quotes of all three kinds: delimiters and comment markers inside them are text.
INSERT INTO note (id, body) VALUES (1, 'it''s; fine');
INSERT INTO note (id, body) VALUES (2, 'it\'s; fine too');
INSERT INTO note (id, body) VALUES (3, 'a backslash at the end \\');
INSERT INTO note (id, body) VALUES (4, "double ""quoted""; text");
INSERT INTO note (id, body) VALUES (5, "escaped \" quote; inside");
INSERT INTO note (id, body) VALUES (6, 'mixed "double" and `back` ticks; -- # /*');
INSERT INTO note (id, body) VALUES (7, "mixed 'single' quotes; */");
SELECT `odd;name`, `with``tick`, `back\` FROM `table -- name`;
INSERT INTO note (id, body) VALUES (8, 'a string
over three lines;
still the same string');
INSERT INTO note (id, body) VALUES (9, 'Zoë 日本 😀; ünïcödé');
INSERT INTO note (id, body) VALUES (10, ''), (11, ""), (12, '''');
SELECT 'first line number check' AS after_multiline_string;
SELECT 'no delimiter at the end of the script'
