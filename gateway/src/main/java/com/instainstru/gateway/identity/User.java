package com.instainstru.gateway.identity;

import java.util.List;
import java.util.UUID;

/** A user of the platform. The email is stored normalised; the password only as a bcrypt hash. */
public record User(UUID id, String email, String name, String passwordHash, List<String> roles) {
}
