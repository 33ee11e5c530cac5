-- numreg registry, schema version 1. Never edit once released: add 0002_*.sql.
-- Numbers are canonical text; *_key columns hold Number::key() so that ranges
-- are integer intervals, and span_class = bit length of (last_key - first_key)
-- lets "who may present N" probe one index range per class present.

CREATE TABLE holders (
  uscc TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  region TEXT,
  address TEXT,
  legal_rep TEXT,
  legal_rep_id TEXT,
  contact TEXT,
  scope TEXT,
  credit_status TEXT NOT NULL DEFAULT 'good',
  credit_reason TEXT,
  uscc_check_ok INTEGER NOT NULL DEFAULT 1
) WITHOUT ROWID;
CREATE INDEX holders_region ON holders(region);

CREATE TABLE credentials (
  rowid INTEGER PRIMARY KEY,
  holder TEXT NOT NULL REFERENCES holders(uscc) ON UPDATE CASCADE,
  kind TEXT NOT NULL,
  number TEXT NOT NULL,
  issuer TEXT,
  scope TEXT,
  valid_from TEXT,
  valid_to TEXT,
  UNIQUE (holder, kind, number)
);
CREATE INDEX credentials_valid_to ON credentials(valid_to);

CREATE TABLE resources (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  carrier TEXT,
  region TEXT,
  capacity INTEGER,
  international INTEGER NOT NULL DEFAULT 0,
  first TEXT,
  last TEXT,
  first_key INTEGER,
  last_key INTEGER,
  span_class INTEGER
) WITHOUT ROWID;
CREATE INDEX resources_range ON resources(span_class, first_key) WHERE first_key IS NOT NULL;

CREATE TABLE leases (
  id TEXT PRIMARY KEY,
  resource TEXT NOT NULL REFERENCES resources(id),
  holder TEXT NOT NULL REFERENCES holders(uscc),
  carrier TEXT,
  location TEXT,
  region TEXT,
  purpose TEXT NOT NULL,
  "start" TEXT NOT NULL,
  "end" TEXT,
  status TEXT NOT NULL DEFAULT 'active',
  contract TEXT,
  verified_on TEXT
) WITHOUT ROWID;
CREATE INDEX leases_resource ON leases(resource);
CREATE INDEX leases_holder ON leases(holder);
CREATE INDEX leases_region ON leases(region);

CREATE TABLE permits (
  rowid INTEGER PRIMARY KEY,
  lease TEXT NOT NULL REFERENCES leases(id) ON DELETE CASCADE,
  first TEXT NOT NULL,
  last TEXT NOT NULL,
  first_key INTEGER NOT NULL,
  last_key INTEGER NOT NULL,
  span_class INTEGER NOT NULL,
  UNIQUE (lease, first_key)
);
CREATE INDEX permits_range ON permits(span_class, first_key);

-- Which span classes occur, per table, so a lookup probes only those.
CREATE TABLE span_classes (
  tbl TEXT NOT NULL,
  class INTEGER NOT NULL,
  PRIMARY KEY (tbl, class)
) WITHOUT ROWID;

CREATE TABLE contracts (
  lease TEXT PRIMARY KEY REFERENCES leases(id) ON DELETE CASCADE,
  real_name_verified INTEGER,
  freq_cap INTEGER,
  time_windows TEXT,
  targets TEXT,
  penalty INTEGER,
  violation_handling INTEGER
) WITHOUT ROWID;

CREATE TABLE campaigns (
  id TEXT PRIMARY KEY,
  holder TEXT NOT NULL REFERENCES holders(uscc),
  business_name TEXT,
  commissioning_entity TEXT,
  type TEXT,
  numbers TEXT,
  targets TEXT,
  content TEXT,
  contact TEXT
) WITHOUT ROWID;

CREATE TABLE refusals (
  rowid INTEGER PRIMARY KEY,
  number TEXT NOT NULL,
  holder TEXT REFERENCES holders(uscc),
  date TEXT NOT NULL,
  channel TEXT
);
CREATE UNIQUE INDEX refusals_key ON refusals(number, coalesce(holder, ''));

CREATE TABLE inspections (
  id TEXT PRIMARY KEY,
  inspector TEXT NOT NULL,
  date TEXT NOT NULL,
  scope TEXT NOT NULL,
  plan TEXT,
  seed TEXT,
  sample TEXT,
  findings TEXT,
  journal_head TEXT,
  results TEXT
) WITHOUT ROWID;

CREATE TABLE journal (
  seq INTEGER PRIMARY KEY,
  time TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  key TEXT NOT NULL,
  before TEXT,
  after TEXT,
  reason TEXT,
  batch TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX journal_entity_key ON journal(entity, key);
CREATE INDEX journal_batch ON journal(batch) WHERE batch IS NOT NULL;
