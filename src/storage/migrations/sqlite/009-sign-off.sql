-- When a signatory's request first reached them. Until then a resend is their first card, not a
-- reminder, and the SRO sees that they could not be reached rather than "waiting".
ALTER TABLE signoff_requests ADD COLUMN delivered_at TEXT;

-- A signatory's question to the SRO about a round, and the SRO's answer: the thread is part of
-- the round's record. `answer_request` makes a retried answer a no-op rather than a second one.
CREATE TABLE signoff_questions (
  id             TEXT PRIMARY KEY,
  round_id       TEXT NOT NULL REFERENCES signoff_rounds(id) ON DELETE CASCADE,
  role           TEXT NOT NULL,
  person_id      TEXT NOT NULL,
  asker_name     TEXT NOT NULL,
  asked_at       TEXT NOT NULL,
  question       TEXT NOT NULL,
  answered_by    TEXT,
  answerer_name  TEXT,
  answered_at    TEXT,
  answer         TEXT,
  answer_request TEXT
);
CREATE INDEX signoff_questions_by_round ON signoff_questions (round_id, asked_at);
