-- From here on signoff_rounds.document is not read: a round's text is the issued document with its plan_hash.
-- Every compiled document that left the bot (export, sign-off, download), kept as the exact
-- model that was fingerprinted, so a file can be checked against it later.
CREATE TABLE issued_documents (
  hash          TEXT NOT NULL,
  plan_id       TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  plan_version  INTEGER NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('plan', 'report')),
  title         TEXT NOT NULL,
  model         TEXT NOT NULL,
  issued_at     TEXT NOT NULL,
  issued_by     TEXT NOT NULL,
  PRIMARY KEY (hash, plan_version)
);
CREATE INDEX issued_documents_by_plan ON issued_documents (plan_id, plan_version);

-- The exact bytes of every file made from an issued document: verify can then say "this very
-- file", where comparing words alone could miss hidden text or added formatting.
CREATE TABLE issued_files (
  sha256         TEXT PRIMARY KEY,
  plan_id        TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  document_hash  TEXT NOT NULL,
  plan_version   INTEGER NOT NULL,
  format         TEXT NOT NULL,
  signed         INTEGER NOT NULL,
  issued_at      TEXT NOT NULL
);

-- A personal, expiring link to one issued document in one format.
CREATE TABLE download_links (
  token          TEXT PRIMARY KEY,
  plan_id        TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  document_hash  TEXT NOT NULL,
  plan_version   INTEGER NOT NULL,
  format         TEXT NOT NULL,
  person_id      TEXT NOT NULL,
  signed         INTEGER NOT NULL DEFAULT 0,
  round_id       TEXT,
  created_at     TEXT NOT NULL,
  expires_at     TEXT NOT NULL,
  FOREIGN KEY (document_hash, plan_version) REFERENCES issued_documents (hash, plan_version)
);

-- Actual spend per quarter, category (spend line) and funding source, beside the plan's projection.
CREATE TABLE spend_actuals (
  plan_id       TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  quarter       TEXT NOT NULL,
  line_id       TEXT NOT NULL,
  source_id     TEXT NOT NULL,
  amount_pence  INTEGER NOT NULL CHECK (amount_pence >= 0),
  entered_by    TEXT NOT NULL,
  at            TEXT NOT NULL,
  PRIMARY KEY (plan_id, quarter, line_id, source_id)
);

-- A quarter's actuals are written as one version-checked set.
CREATE TABLE spend_actual_sets (
  plan_id     TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  quarter     TEXT NOT NULL,
  version     INTEGER NOT NULL,
  PRIMARY KEY (plan_id, quarter)
);
CREATE TABLE spend_actual_requests (
  request_id  TEXT PRIMARY KEY,
  plan_id     TEXT NOT NULL,
  quarter     TEXT NOT NULL,
  actor_id    TEXT NOT NULL,
  version     INTEGER NOT NULL
);
