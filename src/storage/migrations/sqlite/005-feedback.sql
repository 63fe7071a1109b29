-- Co-production feedback ("you said, we did"): parent/carer and CYP voice kept apart.
CREATE TABLE feedback_items (
  id              TEXT PRIMARY KEY,
  plan_id         TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  submitter_id    TEXT NOT NULL,
  submitter_name  TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  body            TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('new', 'routed', 'answered', 'closed')),
  owner_id        TEXT,
  routed_at       TEXT,
  answer          TEXT,
  flagged_at      TEXT
);
CREATE INDEX feedback_by_status ON feedback_items (plan_id, status);
CREATE INDEX feedback_by_submitter ON feedback_items (submitter_id);
