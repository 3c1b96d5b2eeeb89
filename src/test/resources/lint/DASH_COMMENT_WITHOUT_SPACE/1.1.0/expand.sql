-- 1.1.0 adds a view; the comment before it lacks the space after its dashes.
--Add the view that lists each host with its account
CREATE VIEW host_account AS
  SELECT h.id, h.name, a.name AS account_name
  FROM host h LEFT JOIN account a ON a.id = h.account_id;
