-- A ballot's version, answered as its ETag so that a PATCH can carry If-Match (lost updates refused with 412).
ALTER TABLE election ADD COLUMN version bigint NOT NULL DEFAULT 0;
