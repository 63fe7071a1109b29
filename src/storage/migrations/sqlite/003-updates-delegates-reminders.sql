-- Quarterly workstream updates: append-only, so every earlier post stays readable.
CREATE TABLE workstream_updates (
  id            TEXT PRIMARY KEY,
  plan_id       TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  workstream_id TEXT NOT NULL,
  quarter       TEXT NOT NULL,
  sequence      INTEGER NOT NULL,
  author_id     TEXT NOT NULL,
  at            TEXT NOT NULL,
  body          TEXT NOT NULL,
  UNIQUE (plan_id, workstream_id, quarter, sequence)
);

-- People a lead or the SRO has named to post a workstream's updates.
CREATE TABLE workstream_delegates (
  plan_id       TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  workstream_id TEXT NOT NULL,
  person_id     TEXT NOT NULL,
  named_by      TEXT NOT NULL,
  at            TEXT NOT NULL,
  PRIMARY KEY (plan_id, workstream_id, person_id)
);

-- Reminders due, sent or skipped. A row per reminder and person means a restart neither
-- loses nor repeats one; failed sends wait in place until next_attempt_at.
CREATE TABLE reminders (
  id              TEXT PRIMARY KEY,
  plan_id         TEXT NOT NULL,
  kind            TEXT NOT NULL,
  quarter         TEXT NOT NULL,
  person_id       TEXT NOT NULL,
  due_at          TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'skipped')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  sent_at         TEXT,
  last_error      TEXT,
  payload         TEXT NOT NULL
);
CREATE INDEX reminders_due ON reminders (status, next_attempt_at);
