package com.instainstru.gateway.routing;

import java.util.Set;

/**
 * Who may pass the gateway on a route: anyone, or a signed-in user holding one of the roles.
 * The gateway is the first lock only; each service checks again, including who owns what.
 */
public record Access(boolean needsToken, Set<String> roles) {

    /** No token needed (a token that is sent must still be valid). */
    public static final Access PUBLIC = new Access(false, Set.of());
    /** Any signed-in user, whatever their role. */
    public static final Access SIGNED_IN = new Access(true, Set.of());

    public static Access roles(String... roles) {
        return new Access(true, Set.of(roles));
    }

    public boolean allows(Set<String> callerRoles) {
        return roles.isEmpty() || callerRoles.stream().anyMatch(roles::contains);
    }
}
