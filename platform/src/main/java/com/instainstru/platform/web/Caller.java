package com.instainstru.platform.web;

import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: the verified token's subject and roles. */
@RequestScoped
public class Caller {

    public static final String ADMIN = "admin";
    public static final String INSTRUCTOR = "instructor";
    public static final String STUDENT = "student";

    @Inject
    JsonWebToken jwt;

    /** The caller's user id; a token whose subject is not a UUID is not a user's token. */
    public UUID userId() {
        String sub = jwt == null ? null : jwt.getSubject();
        if (sub == null) {
            throw new UnauthorizedException();
        }
        // Strictly the canonical 8-4-4-4-12 form: UUID.fromString would also take "1-1-1-1-1".
        if (!Ids.looksLikeUuid(sub)) {
            throw new UnauthorizedException("token subject is not a user id");
        }
        return UUID.fromString(sub);
    }

    public boolean isAdmin() {
        return jwt != null && jwt.getGroups() != null && jwt.getGroups().contains(ADMIN);
    }
}
