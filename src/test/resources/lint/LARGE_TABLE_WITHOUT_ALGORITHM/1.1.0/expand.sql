-- Full-text search of events for 1.1.0: on a large table, without saying how.
CREATE FULLTEXT INDEX ft_event_description ON event (description);
