-- mcn-store schema, version 1 (SQLite). The PostgreSQL schema has the same
-- tables; here the two index tables, whose rows are small, are WITHOUT ROWID
-- (stored once, in their primary key's b-tree). Ids are hyphenated UUID text;
-- collections are their position in the document (0 = localities ... 22 =
-- audit_results; -1 = the network profile in the reference index).
CREATE TABLE networks (
    id TEXT PRIMARY KEY NOT NULL,
    head INTEGER NOT NULL,
    schema_version TEXT NOT NULL,
    profile TEXT NOT NULL
);
CREATE TABLE revisions (
    network TEXT NOT NULL REFERENCES networks (id),
    number INTEGER NOT NULL,
    author TEXT NOT NULL,
    message TEXT NOT NULL,
    at TEXT NOT NULL,
    added INTEGER NOT NULL,
    changed INTEGER NOT NULL,
    removed INTEGER NOT NULL,
    PRIMARY KEY (network, number)
);
CREATE TABLE profile_versions (
    network TEXT NOT NULL REFERENCES networks (id),
    revision INTEGER NOT NULL,
    schema_version TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (network, revision)
);
CREATE TABLE entities (
    network TEXT NOT NULL REFERENCES networks (id),
    collection INTEGER NOT NULL,
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    revision INTEGER NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (network, collection, id)
);
CREATE INDEX entities_order ON entities (network, collection, position);
CREATE TABLE entity_versions (
    network TEXT NOT NULL REFERENCES networks (id),
    collection INTEGER NOT NULL,
    id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    position INTEGER NOT NULL,
    body TEXT,
    PRIMARY KEY (network, collection, id, revision)
);
CREATE INDEX entity_versions_by_revision ON entity_versions (network, revision);
CREATE TABLE ids (
    network TEXT NOT NULL REFERENCES networks (id),
    id TEXT NOT NULL,
    kind INTEGER NOT NULL,
    collection INTEGER NOT NULL,
    owner TEXT NOT NULL,
    PRIMARY KEY (network, id)
) WITHOUT ROWID;
-- Covers (id, kind) by owner: without `kind` SQLite's planner scans the
-- network's primary-key range instead (18 ms a change at a tenth of national).
CREATE INDEX ids_by_owner ON ids (network, collection, owner, kind);
CREATE TABLE refs (
    network TEXT NOT NULL REFERENCES networks (id),
    target TEXT NOT NULL,
    collection INTEGER NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (network, target, collection, source)
) WITHOUT ROWID;
CREATE INDEX refs_by_source ON refs (network, collection, source);
