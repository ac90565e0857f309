-- Several instances on one database: a lease names the instance that does a job nobody should do twice at once
-- (polling one source, answering Discord's gateway events). The holder renews it; when the holder dies it expires
-- and another instance takes it over.
CREATE TABLE lease (
    name        VARCHAR(100) NOT NULL PRIMARY KEY,
    holder      VARCHAR(200) NOT NULL,
    acquired_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Retention: when a case's post text and author details were removed (counts and timings stay for reports).
ALTER TABLE care_case ADD COLUMN purged_at TIMESTAMP WITH TIME ZONE;

-- The audit export reads entries by time.
CREATE INDEX audit_entry_at ON audit_entry (at, id);
