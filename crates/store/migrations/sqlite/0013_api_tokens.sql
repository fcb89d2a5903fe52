-- Personal API tokens of staff accounts: a program calling the JSON API acts as the account
-- that made the token, with its role and scope. As for sessions, only the SHA-256 of the
-- token is kept, so a copy of the database authenticates nothing. Every token expires;
-- revoking one sets revoked_at (the row stays, so the list shows what existed and when).
-- Column types mirror migrations/postgres/0013_api_tokens.sql; a test checks they agree.

CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES staff_users (id),
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    last_used_at TIMESTAMPTZ,
    revoked_at TIMESTAMPTZ
);
CREATE INDEX api_tokens_user ON api_tokens (user_id, created_at);
