-- The order rows were added in, kept explicitly (PostgreSQL has no rowid), and the lease table for background work.
ALTER TABLE signoff_requests ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE signoff_rounds ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feedback_items ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE notification_outbox ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE signoff_questions ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ai_suggestions ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
CREATE INDEX signoff_rounds_seq ON signoff_rounds (seq);
CREATE INDEX feedback_items_seq ON feedback_items (seq);
CREATE INDEX notification_outbox_seq ON notification_outbox (seq);
CREATE INDEX signoff_questions_seq ON signoff_questions (seq);
CREATE INDEX ai_suggestions_seq ON ai_suggestions (seq);

-- Background work (reminders, sign-off reminders, feedback flags) runs on whichever instance holds
-- the lease; the others skip that tick.
CREATE TABLE leases (
  name        TEXT COLLATE "C" PRIMARY KEY,
  holder      TEXT COLLATE "C" NOT NULL,
  expires_at  TEXT COLLATE "C" NOT NULL
);
