-- A script must not create, drop or alter a whole database.
DROP DATABASE IF EXISTS fixture_old;
