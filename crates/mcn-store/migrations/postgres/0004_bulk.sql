-- mcn-store schema, version 4 (PostgreSQL): an import writes fewer rows, and
-- writes each index at one edge.
--
-- * `entity_key` finds an entity by id (network, id -> collection,
--   position) in place of the index `entity_by_id`: an index is written in
--   the order of its table's rows (random ids), this table in id order by
--   an import, at the right edge of its primary key.
-- * `entity_by_revision` holds only entities changed after revision 1: a
--   network's first revision (its import) is never looked up by revision
--   (a diff from revision A >= 1 asks for revisions > A).
-- * `reference_bulk` keeps the references of a network's import packed, one
--   row per (target, referring collection): `sources` is the referring ids,
--   16 bytes each, in order. `reference` keeps the changes since, with a
--   `delta`: +1 a reference added, -1 a packed one removed, 0 neither (added
--   and removed again). An id refers to a target when it is packed there
--   plus its delta makes one.
CREATE TABLE entity_key (
    network BIGINT NOT NULL,
    id BYTEA NOT NULL,
    collection BIGINT NOT NULL,
    position BIGINT NOT NULL,
    PRIMARY KEY (network, id)
);
INSERT INTO entity_key SELECT network, id, collection, position FROM entity ORDER BY network, id;
DROP INDEX entity_by_id;

DROP INDEX entity_by_revision;
CREATE INDEX entity_by_revision ON entity (network, revision) WHERE revision > 1;

CREATE TABLE reference_bulk (
    network BIGINT NOT NULL,
    target BYTEA NOT NULL,
    collection BIGINT NOT NULL,
    sources BYTEA NOT NULL,
    PRIMARY KEY (network, target, collection)
);
ALTER TABLE reference ADD COLUMN delta BIGINT NOT NULL DEFAULT 1;
