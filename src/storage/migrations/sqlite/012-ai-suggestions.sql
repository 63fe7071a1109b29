-- Text the AI model suggested to one person. It is theirs alone: it reaches the plan only through
-- their own section draft and submit. `target` is JSON naming the field it would fill (or null).
CREATE TABLE ai_suggestions (
  id            TEXT PRIMARY KEY,
  plan_id       TEXT NOT NULL,
  person_id     TEXT NOT NULL,
  target        TEXT,
  text          TEXT NOT NULL,
  prompt_name   TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  used_at       TEXT,
  discarded_at  TEXT,
  settled_at    TEXT
);
CREATE INDEX ai_suggestions_person ON ai_suggestions (person_id, plan_id, created_at);
