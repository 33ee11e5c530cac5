-- The compact journal: consecutive entries sharing their time, actor, reason
-- and batch are one block (registry/store/journal_block.hpp), the batch an
-- integer, and only a block's last hash stored; every other hash, and every
-- entry's prev_hash, is recomputed from the stored bytes. The entries of the
-- old table are moved by migrate() after this file, every hash verified
-- first, and the old table dropped then.
CREATE TABLE journal_batches (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);

CREATE TABLE journal_blocks (
  first_seq INTEGER PRIMARY KEY,
  count INTEGER NOT NULL,
  time TEXT NOT NULL,
  actor TEXT NOT NULL,
  reason TEXT,
  batch INTEGER REFERENCES journal_batches(id),
  entities TEXT NOT NULL,  -- the entities of its entries, to skip it when reading others
  entries BLOB NOT NULL,   -- encode_block() of its entries
  hash TEXT NOT NULL       -- its last entry's
);
CREATE INDEX journal_blocks_batch ON journal_blocks(batch) WHERE batch IS NOT NULL;

-- Which entries are about a record: `log --entity --key` reads only their blocks.
CREATE TABLE journal_keys (
  entity TEXT NOT NULL,
  key TEXT NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (entity, key, seq)
) WITHOUT ROWID;
