-- Repeatable: applied after the versioned migrations, and again whenever this file changes.
CREATE OR REPLACE VIEW user_summary AS
SELECT u.id, u.email, coalesce(u.display_name, u.email) AS shown_as, count(p.id) AS posts
FROM users u
LEFT JOIN posts p ON p.user_id = u.id
GROUP BY u.id, u.email, u.display_name;
