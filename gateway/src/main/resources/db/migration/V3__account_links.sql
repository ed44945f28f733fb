-- When the user confirmed their address (the link of the verification email); null: not yet.
ALTER TABLE users ADD COLUMN email_verified_at timestamptz;

-- The single-use links of account emails (address verification, password reset): only the SHA-256 of each
-- link's random token is kept. A link works once (used_at) and until expires_at; setting a new password spends
-- every other reset link of the user too.
CREATE TABLE account_links (
    token_hash bytea PRIMARY KEY,
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    text NOT NULL CHECK (purpose IN ('verify-email', 'password-reset')),
    email      text NOT NULL,                     -- the address the link was sent to
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX account_links_user ON account_links (user_id, purpose) WHERE used_at IS NULL;
CREATE INDEX account_links_expiry ON account_links (expires_at);
