-- Staff accounts of the back office: who they are, their role and the part of the country or
-- the one agency they act for (their scope), their password (argon2id, PHC string) and second
-- factor (TOTP secret sealed by the vault), their sessions (only a hash of the cookie is kept,
-- so a copy of the database opens no session), and failed sign-ins for throttling.
-- Column types mirror migrations/postgres/0006_staff_accounts.sql; a test checks they agree.

CREATE TABLE staff_users (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    email TEXT,
    role TEXT NOT NULL CHECK (role IN ('verifier', 'reviewer', 'decision_maker', 'ppk_liaison', 'custodian', 'analyst', 'administrator')),
    scope_kind TEXT NOT NULL CHECK (scope_kind IN ('national', 'province', 'agency')),
    scope_province TEXT REFERENCES regions (code),
    scope_agency_id INTEGER REFERENCES agencies (id),
    password_hash TEXT NOT NULL,
    must_change_password BOOLEAN NOT NULL,
    totp_secret BLOB,
    totp_last_step INTEGER,
    disabled_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    CHECK ((scope_kind = 'province') = (scope_province IS NOT NULL)),
    CHECK ((scope_kind = 'agency') = (scope_agency_id IS NOT NULL))
);

CREATE TABLE staff_sessions (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES staff_users (id),
    second_factor_done BOOLEAN NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    last_seen_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    client_ip TEXT NOT NULL
);
CREATE INDEX staff_sessions_user ON staff_sessions (user_id);

CREATE TABLE failed_sign_ins (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL,
    client_ip TEXT NOT NULL,
    at TIMESTAMPTZ NOT NULL
);
CREATE INDEX failed_sign_ins_username ON failed_sign_ins (username, at);
CREATE INDEX failed_sign_ins_ip ON failed_sign_ins (client_ip, at);
