-- mcn-store schema, version 2 (PostgreSQL): bearer tokens of the standalone HTTP server.
-- Only a hash of each token is kept; `access` is what the adapter granted
-- (opaque JSON to the store); `revoked` is empty while the token is valid.
CREATE TABLE tokens (
    id TEXT PRIMARY KEY NOT NULL,
    hash TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    access TEXT NOT NULL,
    created TEXT NOT NULL,
    revoked TEXT
);
