-- Repeatable: re-applied whenever this file changes.
CREATE OR REPLACE VIEW user_summary AS
SELECT u.id, u.email, display_name_or_email(u.id) AS shown_as, u.created_at
FROM users u;
