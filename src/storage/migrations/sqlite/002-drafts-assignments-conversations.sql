-- A person's unsubmitted questionnaire answers for one section; survives a restart.
CREATE TABLE drafts (
  person_id    TEXT NOT NULL,
  plan_id      TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  section_key  TEXT NOT NULL,
  base_version INTEGER NOT NULL,
  step         INTEGER NOT NULL,
  content      TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  PRIMARY KEY (person_id, plan_id, section_key)
);

-- Sections given to a person to fill in, with a due date: what the Word comments tried to do.
CREATE TABLE assignments (
  id                TEXT PRIMARY KEY,
  plan_id           TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  section_key       TEXT NOT NULL,
  assignee_id       TEXT NOT NULL,
  due_date          TEXT,
  note              TEXT,
  assigned_by       TEXT NOT NULL,
  review_comment_id TEXT,
  status            TEXT NOT NULL CHECK (status IN ('open', 'done')),
  created_at        TEXT NOT NULL,
  completed_at      TEXT
);
CREATE INDEX assignments_by_assignee ON assignments (assignee_id, status);

-- Where to reach a person proactively: the last conversation they used with the bot.
CREATE TABLE conversations (
  person_id   TEXT PRIMARY KEY,
  reference   TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
