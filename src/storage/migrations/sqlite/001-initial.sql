-- Plans are kept as parts: one row per section and per table row, never one rewritten blob.
CREATE TABLE plans (
  id          TEXT PRIMARY KEY,
  version     INTEGER NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  TEXT
);

CREATE TABLE plan_parts (
  plan_id     TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  part_key    TEXT NOT NULL,
  parent_key  TEXT,
  field       TEXT,
  position    INTEGER NOT NULL,
  kind        TEXT NOT NULL,
  body        TEXT NOT NULL,
  -- The plan version at which this part last changed.
  version     INTEGER NOT NULL,
  PRIMARY KEY (plan_id, part_key)
);
CREATE INDEX plan_parts_by_kind ON plan_parts (plan_id, kind);

CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  plan_id     TEXT,
  version     INTEGER,
  at          TEXT NOT NULL,
  actor_id    TEXT NOT NULL,
  summary     TEXT NOT NULL,
  action      TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
  subject_key TEXT NOT NULL,
  kind        TEXT NOT NULL,
  before      TEXT,
  after       TEXT
);
CREATE INDEX audit_log_by_subject ON audit_log (plan_id, subject_key);

-- Teams retries slow requests; a request id seen before is answered without writing again.
CREATE TABLE applied_requests (
  request_id  TEXT PRIMARY KEY,
  plan_id     TEXT NOT NULL,
  version     INTEGER NOT NULL,
  at          TEXT NOT NULL
);

CREATE TABLE people (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  email       TEXT,
  updated_at  TEXT NOT NULL
);

CREATE TABLE person_roles (
  person_id   TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  role        TEXT NOT NULL,
  -- The grant's details (workstreams led, signatory role) as JSON.
  details     TEXT NOT NULL,
  PRIMARY KEY (person_id, position)
);
CREATE INDEX person_roles_by_role ON person_roles (role);
