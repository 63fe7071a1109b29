-- The last number given to a post of each workstream's quarter (on PostgreSQL the row that holds
-- writers of one quarter in turn; kept alike here, so both databases number posts the same way).
CREATE TABLE update_numbers (
  plan_id       TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  workstream_id TEXT NOT NULL,
  quarter       TEXT NOT NULL,
  last_sequence INTEGER NOT NULL,
  PRIMARY KEY (plan_id, workstream_id, quarter)
);
INSERT INTO update_numbers (plan_id, workstream_id, quarter, last_sequence)
  SELECT plan_id, workstream_id, quarter, MAX(sequence) FROM workstream_updates GROUP BY plan_id, workstream_id, quarter;
