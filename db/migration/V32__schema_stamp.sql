-- The fingerprint of the migrations this database was last migrated and validated with. When the app starts with the same
-- migrations, nothing about the schema can have changed, so Flyway's scan and validation are skipped.
CREATE TABLE schema_stamp (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    migrations TEXT    NOT NULL
);
