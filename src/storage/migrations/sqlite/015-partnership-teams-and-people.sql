-- The partnership's Teams team(s) the app is installed in: where the bot finds people who never
-- opened it, and where the SRO may post the partnership's own news. Anyone who owns a team may add
-- the app to it, so a team is used only once the SRO has confirmed it.
CREATE TABLE partnership_teams (
  id           TEXT PRIMARY KEY,
  name         TEXT NOT NULL,
  service_url  TEXT NOT NULL,
  tenant_id    TEXT NOT NULL,
  -- The conversation id of the channel the app was added in (the General channel, for a team).
  channel_id   TEXT NOT NULL,
  -- The bot's own id in that tenant (28:<app id> in Teams): new chats are opened from it.
  bot_id       TEXT NOT NULL,
  -- 'pending' until the SRO confirms it is the partnership's team (or an SRO added the app).
  status       TEXT NOT NULL CHECK (status IN ('pending', 'installed', 'removed')),
  installed_at TEXT NOT NULL,
  installed_by TEXT,
  confirmed_at TEXT,
  confirmed_by TEXT,
  removed_at   TEXT,
  updated_at   TEXT NOT NULL
);
-- Each person's own version, so two SROs changing one person cannot overwrite each other. A
-- removed person keeps their row (removed_at set, no roles): their version never goes back, so a
-- card made before the removal stays stale, and the roster file does not bring them back.
ALTER TABLE people ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE people ADD COLUMN removed_at TEXT;
-- Roster changes made in Teams: a request seen before is answered, not applied again.
CREATE TABLE roster_requests (
  request_id TEXT PRIMARY KEY,
  person_id  TEXT NOT NULL,
  version    INTEGER NOT NULL,
  at         TEXT NOT NULL
);
-- When a person removed or blocked the app in their 1:1 chat: the bot stops reaching them there.
ALTER TABLE conversations ADD COLUMN removed_at TEXT;
-- Posts to a team channel, kept by request so a retried click posts once.
CREATE TABLE channel_posts (
  id         TEXT PRIMARY KEY,
  team_id    TEXT NOT NULL,
  kind       TEXT NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'failed')),
  posted_by  TEXT NOT NULL,
  created_at TEXT NOT NULL,
  sent_at    TEXT,
  last_error TEXT
);
