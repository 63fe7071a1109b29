-- Notifications that belong to a change are written in the same transaction as the change and
-- sent after commit, one recipient at a time: a crash or a failing recipient loses nothing, and
-- anything not yet sent is picked up by the next tick. The id is derived from the request, so a
-- retried request queues nothing twice.
CREATE TABLE notification_outbox (
  id              TEXT PRIMARY KEY,
  plan_id         TEXT,
  person_id       TEXT NOT NULL,
  payload         TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'unreachable', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  claimed_at      TEXT,
  last_error      TEXT,
  created_at      TEXT NOT NULL,
  sent_at         TEXT
);
CREATE INDEX notification_outbox_due ON notification_outbox (status, next_attempt_at);
