package com.instainstru.gateway.web.session;

import com.instainstru.platform.web.Caller;
import java.util.Set;
import java.util.UUID;

/**
 * Who is looking at a page: a signed-in user (their id, roles and the access token the page passes to the
 * services), or nobody. {@code sessionEnded}: the browser had a session that can no longer be used
 * (expired, revoked or altered), so a page that needs one says "your session has expired".
 */
public record Visitor(UUID userId, Set<String> roles, String accessToken, boolean sessionEnded) {

    private static final Visitor ANONYMOUS = new Visitor(null, Set.of(), null, false);
    private static final Visitor ENDED = new Visitor(null, Set.of(), null, true);

    public static Visitor anonymous() {
        return ANONYMOUS;
    }

    public static Visitor ended() {
        return ENDED;
    }

    public boolean signedIn() {
        return userId != null;
    }

    public boolean is(String role) {
        return roles.contains(role);
    }

    public boolean isStudent() {
        return is(Caller.STUDENT);
    }

    public boolean isInstructor() {
        return is(Caller.INSTRUCTOR);
    }

    public boolean isAdmin() {
        return is(Caller.ADMIN);
    }
}
