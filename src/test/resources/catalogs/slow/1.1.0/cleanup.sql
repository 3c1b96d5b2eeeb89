DROP TABLE item_snapshot;
