-- A sign-off round: the exact compiled text sent for signature, and its hash.
CREATE TABLE signoff_rounds (
  id            TEXT PRIMARY KEY,
  plan_id       TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  plan_version  INTEGER NOT NULL,
  plan_hash     TEXT NOT NULL,
  document      TEXT NOT NULL,
  token         TEXT NOT NULL,
  requested_by  TEXT NOT NULL,
  requested_at  TEXT NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('open', 'signed', 'voided')),
  closed_at     TEXT,
  close_reason  TEXT
);
CREATE INDEX signoff_rounds_by_plan ON signoff_rounds (plan_id, requested_at);

-- One row per role and person asked to sign in a round.
CREATE TABLE signoff_requests (
  round_id         TEXT NOT NULL REFERENCES signoff_rounds(id) ON DELETE CASCADE,
  role             TEXT NOT NULL,
  person_id        TEXT NOT NULL,
  name             TEXT NOT NULL,
  email            TEXT,
  required         INTEGER NOT NULL,
  state            TEXT NOT NULL CHECK (state IN ('pending', 'signed', 'declined', 'voided')),
  decided_at       TEXT,
  reason           TEXT,
  reminders_sent   INTEGER NOT NULL DEFAULT 0,
  last_reminded_at TEXT,
  PRIMARY KEY (round_id, role, person_id)
);
