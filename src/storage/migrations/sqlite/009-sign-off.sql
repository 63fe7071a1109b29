-- When a signatory's request first reached them. Until then a resend is their first card, not a
-- reminder, and the SRO sees that they could not be reached rather than "waiting".
ALTER TABLE signoff_requests ADD COLUMN delivered_at TEXT;
