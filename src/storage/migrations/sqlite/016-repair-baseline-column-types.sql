-- The PostgreSQL half of this pair repairs column types its 012 and 013 once had. SQLite's
-- history was never edited and its types never differed, so there is nothing to do here.
SELECT 1;
