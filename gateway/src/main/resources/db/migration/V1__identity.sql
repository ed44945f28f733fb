-- Users of the platform and their credentials. Emails are stored normalised (trimmed, lower case).
CREATE TABLE users (
    id            uuid PRIMARY KEY,
    email         text NOT NULL UNIQUE,
    name          text NOT NULL,
    password_hash text NOT NULL,               -- bcrypt, never the password
    roles         text[] NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT users_roles_known CHECK (roles <@ ARRAY['student', 'instructor', 'admin']::text[] AND cardinality(roles) > 0)
);

-- Rotating refresh tokens: only a SHA-256 of the opaque token is kept. Each refresh spends one token
-- and issues the next of the same family; presenting a spent token again revokes the whole family.
CREATE TABLE refresh_tokens (
    token_hash  bytea PRIMARY KEY,
    family_id   uuid NOT NULL,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    issued_at   timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    spent_at    timestamptz,
    revoked_at  timestamptz
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);

-- Instructor profiles to create in catalog-service: written with the user at sign-up, deleted once
-- catalog-service has the profile. A job retries those catalog-service could not take at once.
CREATE TABLE pending_instructor_profiles (
    user_id         uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    name            text NOT NULL,
    attempts        int NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pending_instructor_profiles_due ON pending_instructor_profiles (next_attempt_at);
