-- numreg registry on PostgreSQL, schema version 1: schemas/migrations/0001
-- in PostgreSQL's dialect (keep the two in step; text compares byte by byte,
-- as in SQLite, whatever the cluster's locale). Never edit once released.
-- Numbers are canonical text; *_key columns hold Number::key() so that ranges
-- are integer intervals, and span_class = bit length of (last_key - first_key)
-- lets "who may present N" probe one index range per class present.

CREATE TABLE holders (
  uscc TEXT COLLATE "C" PRIMARY KEY,
  name TEXT COLLATE "C" NOT NULL,
  kind TEXT COLLATE "C" NOT NULL,
  region TEXT COLLATE "C",
  address TEXT COLLATE "C",
  legal_rep TEXT COLLATE "C",
  legal_rep_id TEXT COLLATE "C",
  contact TEXT COLLATE "C",
  scope TEXT COLLATE "C",
  credit_status TEXT COLLATE "C" NOT NULL DEFAULT 'good',
  credit_reason TEXT COLLATE "C",
  uscc_check_ok INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX holders_region ON holders(region);

CREATE TABLE credentials (
  rowid BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  holder TEXT COLLATE "C" NOT NULL REFERENCES holders(uscc) ON UPDATE CASCADE,
  kind TEXT COLLATE "C" NOT NULL,
  number TEXT COLLATE "C" NOT NULL,
  issuer TEXT COLLATE "C",
  scope TEXT COLLATE "C",
  valid_from TEXT COLLATE "C",
  valid_to TEXT COLLATE "C",
  UNIQUE (holder, kind, number)
);
CREATE INDEX credentials_valid_to ON credentials(valid_to);

CREATE TABLE resources (
  id TEXT COLLATE "C" PRIMARY KEY,
  kind TEXT COLLATE "C" NOT NULL,
  carrier TEXT COLLATE "C",
  region TEXT COLLATE "C",
  capacity BIGINT,
  international INTEGER NOT NULL DEFAULT 0,
  first TEXT COLLATE "C",
  last TEXT COLLATE "C",
  first_key BIGINT,
  last_key BIGINT,
  span_class INTEGER
);
CREATE INDEX resources_range ON resources(span_class, first_key) WHERE first_key IS NOT NULL;

CREATE TABLE leases (
  id TEXT COLLATE "C" PRIMARY KEY,
  resource TEXT COLLATE "C" NOT NULL REFERENCES resources(id),
  holder TEXT COLLATE "C" NOT NULL REFERENCES holders(uscc),
  carrier TEXT COLLATE "C",
  location TEXT COLLATE "C",
  region TEXT COLLATE "C",
  purpose TEXT COLLATE "C" NOT NULL,
  "start" TEXT COLLATE "C" NOT NULL,
  "end" TEXT COLLATE "C",
  status TEXT COLLATE "C" NOT NULL DEFAULT 'active',
  contract TEXT COLLATE "C",
  verified_on TEXT COLLATE "C"
);
CREATE INDEX leases_resource ON leases(resource);
CREATE INDEX leases_holder ON leases(holder);
CREATE INDEX leases_region ON leases(region);

CREATE TABLE permits (
  rowid BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  lease TEXT COLLATE "C" NOT NULL REFERENCES leases(id) ON DELETE CASCADE,
  first TEXT COLLATE "C" NOT NULL,
  last TEXT COLLATE "C" NOT NULL,
  first_key BIGINT NOT NULL,
  last_key BIGINT NOT NULL,
  span_class INTEGER NOT NULL,
  UNIQUE (lease, first_key)
);
CREATE INDEX permits_range ON permits(span_class, first_key);

-- Which span classes occur, per table, so a lookup probes only those.
CREATE TABLE span_classes (
  tbl TEXT COLLATE "C" NOT NULL,
  class INTEGER NOT NULL,
  PRIMARY KEY (tbl, class)
);

CREATE TABLE contracts (
  lease TEXT COLLATE "C" PRIMARY KEY REFERENCES leases(id) ON DELETE CASCADE,
  real_name_verified INTEGER,
  freq_cap BIGINT,
  time_windows TEXT COLLATE "C",
  targets TEXT COLLATE "C",
  penalty INTEGER,
  violation_handling INTEGER
);

CREATE TABLE campaigns (
  id TEXT COLLATE "C" PRIMARY KEY,
  holder TEXT COLLATE "C" NOT NULL REFERENCES holders(uscc),
  business_name TEXT COLLATE "C",
  commissioning_entity TEXT COLLATE "C",
  type TEXT COLLATE "C",
  numbers TEXT COLLATE "C",
  targets TEXT COLLATE "C",
  content TEXT COLLATE "C",
  contact TEXT COLLATE "C"
);

CREATE TABLE refusals (
  rowid BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  number TEXT COLLATE "C" NOT NULL,
  holder TEXT COLLATE "C" REFERENCES holders(uscc),
  date TEXT COLLATE "C" NOT NULL,
  channel TEXT COLLATE "C"
);
CREATE UNIQUE INDEX refusals_key ON refusals(number, coalesce(holder, ''));

CREATE TABLE inspections (
  id TEXT COLLATE "C" PRIMARY KEY,
  inspector TEXT COLLATE "C" NOT NULL,
  date TEXT COLLATE "C" NOT NULL,
  scope TEXT COLLATE "C" NOT NULL,
  plan TEXT COLLATE "C",
  seed TEXT COLLATE "C",
  sample TEXT COLLATE "C",
  findings TEXT COLLATE "C",
  journal_head TEXT COLLATE "C",
  results TEXT COLLATE "C"
);

CREATE TABLE journal (
  seq BIGINT PRIMARY KEY,
  time TEXT COLLATE "C" NOT NULL,
  actor TEXT COLLATE "C" NOT NULL,
  action TEXT COLLATE "C" NOT NULL,
  entity TEXT COLLATE "C" NOT NULL,
  key TEXT COLLATE "C" NOT NULL,
  before TEXT COLLATE "C",
  after TEXT COLLATE "C",
  reason TEXT COLLATE "C",
  batch TEXT COLLATE "C",
  prev_hash TEXT COLLATE "C" NOT NULL,
  hash TEXT COLLATE "C" NOT NULL
);
CREATE INDEX journal_entity_key ON journal(entity, key);
CREATE INDEX journal_batch ON journal(batch) WHERE batch IS NOT NULL;

-- The schema version and the mark of a numreg registry (SQLite keeps them in
-- user_version and application_id).
CREATE TABLE numreg_schema (
  application TEXT COLLATE "C" NOT NULL,
  version INTEGER NOT NULL
);
