-- Rows listed "in the order they were added" used SQLite's hidden rowid, which PostgreSQL does not
-- have: an explicit seq keeps that order on both.
ALTER TABLE signoff_requests ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
UPDATE signoff_requests SET seq = rowid;
ALTER TABLE signoff_rounds ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
UPDATE signoff_rounds SET seq = rowid;
ALTER TABLE feedback_items ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
UPDATE feedback_items SET seq = rowid;
ALTER TABLE notification_outbox ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
UPDATE notification_outbox SET seq = rowid;
ALTER TABLE signoff_questions ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
UPDATE signoff_questions SET seq = rowid;
ALTER TABLE ai_suggestions ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
UPDATE ai_suggestions SET seq = rowid;
CREATE INDEX signoff_rounds_seq ON signoff_rounds (seq);
CREATE INDEX feedback_items_seq ON feedback_items (seq);
CREATE INDEX notification_outbox_seq ON notification_outbox (seq);
CREATE INDEX signoff_questions_seq ON signoff_questions (seq);
CREATE INDEX ai_suggestions_seq ON ai_suggestions (seq);

-- Background work (reminders, sign-off reminders, feedback flags) runs on whichever instance holds
-- the lease; the others skip that tick.
CREATE TABLE leases (
  name        TEXT PRIMARY KEY,
  holder      TEXT NOT NULL,
  expires_at  TEXT NOT NULL
);
