-- Which milestones each workstream update reports on, so "the last progress reported for this
-- milestone" is one index lookup however many updates are stored.
CREATE TABLE workstream_update_milestones (
  plan_id       TEXT COLLATE "C" NOT NULL,
  workstream_id TEXT COLLATE "C" NOT NULL,
  milestone_id  TEXT COLLATE "C" NOT NULL,
  quarter       TEXT COLLATE "C" NOT NULL,
  sequence      INTEGER NOT NULL,
  update_id     TEXT COLLATE "C" NOT NULL REFERENCES workstream_updates(id) ON DELETE CASCADE,
  PRIMARY KEY (plan_id, workstream_id, milestone_id, quarter, sequence)
);
INSERT INTO workstream_update_milestones (plan_id, workstream_id, milestone_id, quarter, sequence, update_id)
  SELECT u.plan_id, u.workstream_id, m ->> 'milestoneId', u.quarter, u.sequence, u.id
  FROM workstream_updates u, jsonb_array_elements(u.body::jsonb -> 'milestones') m
  WHERE m ->> 'milestoneId' IS NOT NULL
  ON CONFLICT DO NOTHING;
