CREATE TABLE profiles (
    user_id      bigint PRIMARY KEY REFERENCES users (id),
    display_name text,
    bio          text
);

-- A function with a dollar-quoted body: the semicolons inside do not split the statement.
CREATE FUNCTION display_name_or_email(p_user bigint) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    result text;
BEGIN
    SELECT coalesce(p.display_name, u.email) INTO result
    FROM users u LEFT JOIN profiles p ON p.user_id = u.id
    WHERE u.id = p_user;
    RETURN result;
END;
$$;
