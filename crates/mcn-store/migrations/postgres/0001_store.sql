-- mcn-store schema, version 1 (PostgreSQL; the SQLite schema has the same tables). Ids are hyphenated UUID text;
-- collections are their position in the document (0 = localities ... 22 =
-- audit_results; -1 = the network profile in the reference index).
CREATE TABLE networks (
    id TEXT PRIMARY KEY NOT NULL,
    head BIGINT NOT NULL,
    schema_version TEXT NOT NULL,
    profile TEXT NOT NULL
);
CREATE TABLE revisions (
    network TEXT NOT NULL REFERENCES networks (id),
    number BIGINT NOT NULL,
    author TEXT NOT NULL,
    message TEXT NOT NULL,
    at TEXT NOT NULL,
    added BIGINT NOT NULL,
    changed BIGINT NOT NULL,
    removed BIGINT NOT NULL,
    PRIMARY KEY (network, number)
);
CREATE TABLE profile_versions (
    network TEXT NOT NULL REFERENCES networks (id),
    revision BIGINT NOT NULL,
    schema_version TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (network, revision)
);
CREATE TABLE entities (
    network TEXT NOT NULL REFERENCES networks (id),
    collection BIGINT NOT NULL,
    id TEXT NOT NULL,
    position BIGINT NOT NULL,
    revision BIGINT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (network, collection, id)
);
CREATE INDEX entities_order ON entities (network, collection, position);
CREATE TABLE entity_versions (
    network TEXT NOT NULL REFERENCES networks (id),
    collection BIGINT NOT NULL,
    id TEXT NOT NULL,
    revision BIGINT NOT NULL,
    position BIGINT NOT NULL,
    body TEXT,
    PRIMARY KEY (network, collection, id, revision)
);
CREATE INDEX entity_versions_by_revision ON entity_versions (network, revision);
CREATE TABLE ids (
    network TEXT NOT NULL REFERENCES networks (id),
    id TEXT NOT NULL,
    kind BIGINT NOT NULL,
    collection BIGINT NOT NULL,
    owner TEXT NOT NULL,
    PRIMARY KEY (network, id)
);
-- Covers (id, kind) by owner: without `kind` SQLite's planner scans the
-- network's primary-key range instead (18 ms a change at a tenth of national).
CREATE INDEX ids_by_owner ON ids (network, collection, owner, kind);
CREATE TABLE refs (
    network TEXT NOT NULL REFERENCES networks (id),
    target TEXT NOT NULL,
    collection BIGINT NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (network, target, collection, source)
);
CREATE INDEX refs_by_source ON refs (network, collection, source);
