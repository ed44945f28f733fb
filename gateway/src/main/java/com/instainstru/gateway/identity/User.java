package com.instainstru.gateway.identity;

import java.util.List;
import java.util.UUID;

/**
 * A user of the platform. The email is stored normalised; the password only as a bcrypt hash; the time zone is an IANA
 * name, null when the user has not chosen one.
 */
public record User(UUID id, String email, String name, String passwordHash, List<String> roles, String timeZone) {
}
