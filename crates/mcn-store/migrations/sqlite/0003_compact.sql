-- mcn-store schema, version 3 (SQLite): fewer and smaller rows per entity.
-- Rebuilds every table of version 1 under a singular name and converts its
-- data; the version 1 tables are dropped at the end.
--
-- * A network is known by a small integer (`network.seq`) in every row
--   instead of its id as text; entity ids are 16-byte BLOBs.
-- * `entity` is clustered by export order (network, collection, position);
--   `entity_by_id` finds an entity by id (ids are unique across collections).
-- * `entity_version` keeps only versions that are no longer current (and
--   deletions): the current version is the `entity` row. `any_version` is
--   every version, for history, diffs and earlier revisions.
-- * `nested_id` keeps only ids declared inside an entity (decisions, actions,
--   measures): an entity's own id is its `entity` row.
-- * `reference` has no index by source: an entity's old references are read
--   from its old body when it changes.
-- * Only `revision` and `profile_version` declare their foreign key to
--   `network`: the per-entity tables do not (a check per row would cost an
--   import more than any other index); the store writes their `network`
--   from the network row it read in the same transaction.
CREATE TABLE network (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    head INTEGER NOT NULL,
    schema_version TEXT NOT NULL,
    profile TEXT NOT NULL
);
INSERT INTO network (id, head, schema_version, profile)
SELECT id, head, schema_version, profile FROM networks ORDER BY id;

CREATE TABLE revision (
    network INTEGER NOT NULL REFERENCES network (seq),
    number INTEGER NOT NULL,
    author TEXT NOT NULL,
    message TEXT NOT NULL,
    at TEXT NOT NULL,
    added INTEGER NOT NULL,
    changed INTEGER NOT NULL,
    removed INTEGER NOT NULL,
    PRIMARY KEY (network, number)
) WITHOUT ROWID;
INSERT INTO revision
SELECT n.seq, r.number, r.author, r.message, r.at, r.added, r.changed, r.removed
FROM revisions r JOIN network n ON n.id = r.network;

CREATE TABLE profile_version (
    network INTEGER NOT NULL REFERENCES network (seq),
    revision INTEGER NOT NULL,
    schema_version TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (network, revision)
) WITHOUT ROWID;
INSERT INTO profile_version
SELECT n.seq, p.revision, p.schema_version, p.body
FROM profile_versions p JOIN network n ON n.id = p.network;

CREATE TABLE entity (
    network INTEGER NOT NULL,
    collection INTEGER NOT NULL,
    position INTEGER NOT NULL,
    id BLOB NOT NULL,
    revision INTEGER NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (network, collection, position)
) WITHOUT ROWID;
INSERT INTO entity
SELECT n.seq, e.collection, e.position, unhex(replace(e.id, '-', '')), e.revision, e.body
FROM entities e JOIN network n ON n.id = e.network
ORDER BY 1, 2, 3;
CREATE UNIQUE INDEX entity_by_id ON entity (network, id);
CREATE INDEX entity_by_revision ON entity (network, revision);

CREATE TABLE entity_version (
    network INTEGER NOT NULL,
    collection INTEGER NOT NULL,
    id BLOB NOT NULL,
    revision INTEGER NOT NULL,
    position INTEGER NOT NULL,
    body TEXT,
    PRIMARY KEY (network, collection, id, revision)
) WITHOUT ROWID;
INSERT INTO entity_version
SELECT n.seq, v.collection, unhex(replace(v.id, '-', '')), v.revision, v.position, v.body
FROM entity_versions v JOIN network n ON n.id = v.network
WHERE NOT EXISTS (
    SELECT 1 FROM entities e
    WHERE e.network = v.network AND e.collection = v.collection AND e.id = v.id AND e.revision = v.revision
)
ORDER BY 1, 2, 3, 4;
CREATE INDEX entity_version_by_revision ON entity_version (network, revision);

CREATE VIEW any_version AS
SELECT network, collection, id, revision, position, body FROM entity_version
UNION ALL
SELECT network, collection, id, revision, position, body FROM entity;

CREATE TABLE nested_id (
    network INTEGER NOT NULL,
    id BLOB NOT NULL,
    kind INTEGER NOT NULL,
    collection INTEGER NOT NULL,
    owner BLOB NOT NULL,
    PRIMARY KEY (network, id)
) WITHOUT ROWID;
INSERT INTO nested_id
SELECT n.seq, unhex(replace(i.id, '-', '')), i.kind, i.collection, unhex(replace(i.owner, '-', ''))
FROM ids i JOIN network n ON n.id = i.network
WHERE i.id <> i.owner
ORDER BY 1, 2;

CREATE TABLE reference (
    network INTEGER NOT NULL,
    target BLOB NOT NULL,
    collection INTEGER NOT NULL,
    source BLOB NOT NULL,
    PRIMARY KEY (network, target, collection, source)
) WITHOUT ROWID;
INSERT INTO reference
SELECT n.seq, unhex(replace(r.target, '-', '')), r.collection, unhex(replace(r.source, '-', ''))
FROM refs r JOIN network n ON n.id = r.network
ORDER BY 1, 2, 3, 4;

DROP TABLE refs;
DROP TABLE ids;
DROP TABLE entity_versions;
DROP TABLE entities;
DROP TABLE profile_versions;
DROP TABLE revisions;
DROP TABLE networks;
