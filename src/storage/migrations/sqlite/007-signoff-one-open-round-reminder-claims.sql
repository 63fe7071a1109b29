-- At most one open sign-off round per plan version: a double click on "Send for sign-off"
-- cannot start two. Any duplicates already open are voided, keeping the latest.
UPDATE signoff_requests SET state = 'voided'
 WHERE round_id IN (
   SELECT id FROM signoff_rounds r
    WHERE r.status = 'open'
      AND r.rowid <> (SELECT MAX(o.rowid) FROM signoff_rounds o WHERE o.status = 'open' AND o.plan_id = r.plan_id AND o.plan_version = r.plan_version)
 );
UPDATE signoff_rounds SET status = 'voided', closed_at = requested_at, close_reason = 'Another round for the same version was open'
 WHERE status = 'open'
   AND rowid <> (SELECT MAX(o.rowid) FROM signoff_rounds o WHERE o.status = 'open' AND o.plan_id = signoff_rounds.plan_id AND o.plan_version = signoff_rounds.plan_version);
CREATE UNIQUE INDEX signoff_rounds_one_open_per_version ON signoff_rounds (plan_id, plan_version) WHERE status = 'open';

-- Reminders are claimed ('sending', with the claim's time) before they are sent and marked
-- 'sent' after. A claim older than the lease (a crash mid-send) is tried at most once more:
-- `recovered` counts those retries. SQLite cannot widen a CHECK, so the table is rebuilt.
CREATE TABLE reminders_next (
  id              TEXT PRIMARY KEY,
  plan_id         TEXT NOT NULL,
  kind            TEXT NOT NULL,
  quarter         TEXT NOT NULL,
  person_id       TEXT NOT NULL,
  due_at          TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'skipped')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  sent_at         TEXT,
  last_error      TEXT,
  payload         TEXT NOT NULL,
  claimed_at      TEXT,
  recovered       INTEGER NOT NULL DEFAULT 0
);
INSERT INTO reminders_next (id, plan_id, kind, quarter, person_id, due_at, status, attempts, next_attempt_at, sent_at, last_error, payload)
  SELECT id, plan_id, kind, quarter, person_id, due_at, status, attempts, next_attempt_at, sent_at, last_error, payload FROM reminders;
DROP TABLE reminders;
ALTER TABLE reminders_next RENAME TO reminders;
CREATE INDEX reminders_due ON reminders (status, next_attempt_at);
