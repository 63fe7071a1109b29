-- The last number given to a post of each workstream's quarter. A post takes the next one by
-- updating this row, which holds writers of the same quarter in turn on the server, inside the one
-- statement that adds the post: no lock is held while the bot works or the network carries a reply.
CREATE TABLE update_numbers (
  plan_id       TEXT COLLATE "C" NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  workstream_id TEXT COLLATE "C" NOT NULL,
  quarter       TEXT COLLATE "C" NOT NULL,
  last_sequence INTEGER NOT NULL,
  PRIMARY KEY (plan_id, workstream_id, quarter)
);
INSERT INTO update_numbers (plan_id, workstream_id, quarter, last_sequence)
  SELECT plan_id, workstream_id, quarter, MAX(sequence) FROM workstream_updates GROUP BY plan_id, workstream_id, quarter;
