-- CREATE INDEX CONCURRENTLY cannot run in a transaction: Underway sees that and runs this
-- migration statement by statement, recording progress after each.
CREATE INDEX CONCURRENTLY users_created_at_idx ON users (created_at);
