package com.instainstru.gateway.identity;

import com.instainstru.gateway.identity.AuthRequests.LoginRequest;
import com.instainstru.gateway.identity.AuthRequests.PasswordChangeRequest;
import com.instainstru.gateway.identity.AuthRequests.ProfileChange;
import com.instainstru.gateway.identity.AuthRequests.RegisterRequest;
import com.instainstru.gateway.identity.AuthResponses.TokenResponse;
import com.instainstru.gateway.identity.AuthResponses.UserResponse;
import com.instainstru.gateway.infra.GatewayConfig;
import com.instainstru.gateway.infra.RateLimiter;
import com.instainstru.gateway.instructor.InstructorProfiles;
import com.instainstru.platform.outbox.EventOutbox;
import com.instainstru.platform.problem.ApiException;
import com.instainstru.platform.security.OpaqueTokens;
import com.instainstru.platform.web.Caller;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/** Sign-up, sign-in, token refresh and revocation, password change. */
@ApplicationScoped
public class AuthService {

    private static final int BCRYPT_MAX_BYTES = 72;

    @Inject
    Pool db;

    @Inject
    UserRepository users;

    @Inject
    RefreshTokenRepository refreshTokens;

    @Inject
    Passwords passwords;

    @Inject
    AccessTokens accessTokens;

    @Inject
    RateLimiter limiter;

    @Inject
    InstructorProfiles profiles;

    @Inject
    GatewayConfig config;

    @Inject
    CurrentVertxRequest currentRequest;

    @Inject
    SessionRevocations sessions;

    @Inject
    EventOutbox outbox;

    @Inject
    AccountLinks links;

    /**
     * Creates the account and, in the same transaction, its {@code user.registered} event on user-events and the
     * address verification email ({@code user.email-verification-requested}, with a single-use link); an
     * instructor's catalog profile is created or queued. An address that already has an account gets the same
     * answer (a made-up id; an instructor's profile "created", as a new one's usually is), nothing is changed, and its owner is written to
     * instead ({@code user.registration-repeated}: "you already have an account", with a password reset link), so
     * that sign-up never tells who is registered.
     */
    public Uni<UserResponse> register(RegisterRequest request) {
        checkPasswordLength("password", request.password());
        String timeZone = TimeZones.check("timeZone", request.timeZone());
        User draft = new User(UUID.randomUUID(), normalise(request.email()), request.name().strip(), null,
                List.of(request.role()), timeZone);
        return passwords.hash(request.password())
                .map(hash -> new User(draft.id(), draft.email(), draft.name(), hash, draft.roles(), draft.timeZone()))
                .flatMap(user -> db.withTransaction(tx -> users.findByEmail(tx, user.email()).flatMap(existing -> {
                    if (existing.isPresent()) {
                        // Counted with the address's reset emails: repeated sign-ups cannot flood the owner's inbox
                        // (over the limit, no email; the answer stays the same).
                        User owner = existing.get();
                        return resetEmailAllowed(owner.email()).flatMap(allowed -> !allowed ? Uni.createFrom().voidItem()
                                        : links.issue(tx, owner.id(), AccountLinks.PASSWORD_RESET, owner.email(),
                                                        config.accountLinks().resetTtl())
                                                .call(link -> outbox.record(tx, "user.registration-repeated",
                                                        linkEvent(owner, link)))
                                                .replaceWithVoid())
                                .replaceWith(false);
                    }
                    Uni<Void> created = users.insert(tx, user)
                            .chain(() -> links.issue(tx, user.id(), AccountLinks.VERIFY_EMAIL, user.email(),
                                    config.accountLinks().verifyTtl()))
                            .call(link -> outbox.record(tx, List.of(
                                    new EventOutbox.Event("user.registered", userEvent(user)),
                                    new EventOutbox.Event("user.email-verification-requested", linkEvent(user, link)))))
                            .replaceWithVoid();
                    return (isInstructor(user) ? created.call(() -> profiles.queue(tx, user.id(), user.name())) : created)
                            .replaceWith(true);
                })).flatMap(created -> {
                    UserResponse answer = UserResponse.of(user);
                    if (!created) {
                        // As a new account's answer usually is: an instructor's profile "created" (catalog answered)
                        return Uni.createFrom().item(new UserResponse(UUID.randomUUID(), user.email(), user.name(),
                                user.roles(), isInstructor(user) ? "created" : null, user.timeZone()));
                    }
                    if (!isInstructor(user)) {
                        return Uni.createFrom().item(answer);
                    }
                    return profiles.createNow(user.id(), user.name())
                            .map(made -> answer.withProfile(made ? "created" : "pending"));
                }));
    }

    /**
     * Emails a password reset link ({@code user.password-reset-requested}) if the address has an account; the same
     * (empty) answer if not. At most {@code password-reset-per-account} a window per address, registered or not.
     */
    public Uni<Void> requestPasswordReset(String email) {
        String address = normalise(email);
        return limiter.acquire(List.of(resetEmailLimit(address)))
                .chain(() -> db.withTransaction(tx -> users.findByEmail(tx, address).flatMap(found -> found.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : links.issue(tx, found.get().id(), AccountLinks.PASSWORD_RESET, found.get().email(),
                                        config.accountLinks().resetTtl())
                                .call(link -> outbox.record(tx, "user.password-reset-requested", linkEvent(found.get(), link)))
                                .replaceWithVoid())));
    }

    private Uni<Boolean> resetEmailAllowed(String address) {
        return limiter.acquire(List.of(resetEmailLimit(address))).replaceWith(true)
                .onFailure(ApiException.TooManyRequests.class).recoverWithItem(false);
    }

    private RateLimiter.Limit resetEmailLimit(String address) {
        GatewayConfig.RateLimit limits = config.rateLimit();
        return new RateLimiter.Limit("reset-account", address, limits.passwordResetPerAccount(),
                limits.passwordResetPerAccountWindow());
    }

    /**
     * Sets a new password with a reset link's token (once, before it expires): every other reset link of the user
     * is spent, the address counts as verified (the link reached it), and every sign-in session of the user ends.
     */
    public Uni<Void> resetPassword(String token, String newPassword) {
        checkPasswordLength("newPassword", newPassword);
        return passwords.hash(newPassword).flatMap(hash -> db.withTransaction(tx -> links.spend(tx, token,
                AccountLinks.PASSWORD_RESET).flatMap(spent -> {
                    UUID user = spent.orElseThrow(AuthService::invalidLink).userId();
                    return users.updatePassword(tx, user, hash)
                            .chain(() -> links.spendAll(tx, user, AccountLinks.PASSWORD_RESET))
                            .chain(() -> users.markVerified(tx, user, spent.get().email()))
                            .chain(() -> refreshTokens.revokeAllOf(tx, user));
                })))
                .flatMap(sessions::revoke);
    }

    /** Marks the address of a verification link's token verified (once, before it expires): {@code user.email-verified}. */
    public Uni<Void> verifyEmail(String token) {
        return db.withTransaction(tx -> spendVerification(tx, token)).replaceWithVoid();
    }

    /**
     * The web app's verification: the address is verified as by {@link #verifyEmail(String)} and, in the same
     * transaction, its owner is signed in. The link reached the address, which is as much proof as a password
     * reset link is; this is how a new account continues after the web sign-up, whose answer does not say
     * whether the address was new.
     */
    public Uni<TokenResponse> verifyEmailAndSignIn(String token) {
        return db.withTransaction(tx -> spendVerification(tx, token)
                .flatMap(link -> users.findById(tx, link.userId()))
                .flatMap(user -> issue(tx, user.orElseThrow(AuthService::invalidLink), UUID.randomUUID())));
    }

    private Uni<AccountLinks.Spent> spendVerification(SqlConnection tx, String token) {
        return links.spend(tx, token, AccountLinks.VERIFY_EMAIL).flatMap(spent -> {
            AccountLinks.Spent link = spent.orElseThrow(AuthService::invalidLink);
            // An address changed since the link was sent is not the one it proves.
            return users.markVerified(tx, link.userId(), link.email()).flatMap(verified -> !verified
                    ? Uni.createFrom().voidItem()
                    : outbox.record(tx, "user.email-verified", Map.of("userId", link.userId(), "email", link.email())))
                    .replaceWith(link);
        });
    }

    private static ApiException invalidLink() {
        return ApiException.invalid("token", "is not a valid link: it was already used, has expired or never existed");
    }

    /** What notification-service needs to send an account email with a link. */
    private static Map<String, Object> linkEvent(User user, AccountLinks.Link link) {
        return Map.of("userId", user.id(), "email", user.email(), "name", user.name(), "token", link.token(),
                "expiresAt", link.expiresAt().toString());
    }

    /** {@link #login(LoginRequest, String)} for the client of the current HTTP request. */
    public Uni<TokenResponse> login(LoginRequest request) {
        RoutingContext rc = currentRequest.getCurrent();
        return login(request, rc == null ? "unknown" : rc.request().remoteAddress().hostAddress());
    }

    /**
     * Tokens for a correct email and password; one answer, taking as long, for a wrong password or an
     * unknown email. Failed attempts are counted per client address and account, and per account: an
     * address that failed too often on an account is refused there (429) without its refused attempts
     * counting any further, so it cannot push the account over its own, higher, ceiling and lock its
     * owner out of other addresses; many addresses together (credential stuffing) reach that ceiling.
     */
    public Uni<TokenResponse> login(LoginRequest request, String clientAddress) {
        String email = normalise(request.email());
        GatewayConfig.RateLimit limits = config.rateLimit();
        List<RateLimiter.Limit> failures = List.of(
                new RateLimiter.Limit("login-ip-account", clientAddress + "|" + email, limits.loginPerIpAccount(),
                        limits.loginPerIpAccountWindow()),
                new RateLimiter.Limit("login-account", email, limits.loginPerAccount(), limits.loginPerAccountWindow()));
        return limiter.acquireIfRoom(failures)
                .flatMap(ok -> users.findByEmail(db, email))
                .flatMap(found -> passwords.matches(request.password(), found.map(User::passwordHash).orElse(null))
                        .map(matches -> {
                            if (!matches) {
                                throw ApiException.unauthorized("the email or the password is wrong");
                            }
                            return found.orElseThrow();
                        }))
                .call(user -> limiter.refund(failures)) // a correct password is no failure
                .flatMap(user -> db.withTransaction(tx -> issue(tx, user, UUID.randomUUID())));
    }

    /**
     * Spends a refresh token for a new pair. A token that was already spent means it was stolen or
     * replayed: its whole family (every token descending from the same login) is revoked.
     */
    public Uni<TokenResponse> refresh(String refreshToken) {
        byte[] hash = OpaqueTokens.sha256(refreshToken);
        AtomicReference<UUID> replayed = new AtomicReference<>();
        return db.withTransaction(tx -> refreshTokens.lock(tx, hash).flatMap(found -> {
            if (found.isEmpty() || found.get().revoked() || found.get().expiresAt().isBefore(OffsetDateTime.now())) {
                return Uni.createFrom().<TokenResponse>nullItem();
            }
            RefreshTokenRepository.Stored stored = found.get();
            if (stored.spent()) {
                replayed.set(stored.familyId());
                return refreshTokens.revokeFamily(tx, stored.familyId()).replaceWith((TokenResponse) null);
            }
            return refreshTokens.markSpent(tx, hash)
                    .flatMap(v -> users.findById(tx, stored.userId()))
                    .flatMap(user -> user.isEmpty() ? Uni.createFrom().<TokenResponse>nullItem()
                            : issue(tx, user.get(), stored.familyId()));
        }))
                // Outside the transaction: the revocation of a replayed family is committed (and its access
                // tokens ended) before the 401.
                .call(tokens -> replayed.get() == null ? Uni.createFrom().voidItem() : sessions.revoke(List.of(replayed.get())))
                .map(tokens -> {
                    if (tokens == null) {
                        throw ApiException.unauthorized("the refresh token is invalid, expired or revoked");
                    }
                    return tokens;
                });
    }

    /**
     * Ends the refresh token's sign-in session: its refresh tokens are revoked and its access tokens refused
     * from now on, by the gateway and every service. Unknown tokens are ignored.
     */
    public Uni<Void> logout(String refreshToken) {
        byte[] hash = OpaqueTokens.sha256(refreshToken);
        return db.withTransaction(tx -> refreshTokens.lock(tx, hash).flatMap(found -> found.isEmpty()
                        ? Uni.createFrom().<UUID>nullItem()
                        : refreshTokens.revokeFamily(tx, found.get().familyId()).replaceWith(found.get().familyId())))
                .flatMap(family -> family == null ? Uni.createFrom().voidItem() : sessions.revoke(List.of(family)));
    }

    public Uni<UserResponse> me(UUID userId) {
        return users.findById(db, userId).map(found -> UserResponse.of(found.orElseThrow(
                () -> ApiException.unauthorized("the account of this token no longer exists"))));
    }

    /**
     * Changes the signed-in user's name and/or time zone (an absent field stays as it is) and, in the same
     * transaction, publishes {@code user.updated} (name, email, time zone) on user-events for notification-service.
     */
    public Uni<UserResponse> updateProfile(UUID userId, ProfileChange change) {
        return Uni.createFrom().deferred(() -> {
            if (change.name() == null && change.timeZone() == null) {
                throw ApiException.invalid("name", "give a name or a timeZone to change");
            }
            if (change.name() != null && change.name().isBlank()) {
                throw ApiException.invalid("name", "must not be blank");
            }
            if (change.name() != null && change.name().chars().anyMatch(Character::isISOControl)) {
                throw ApiException.invalid("name", "must not contain control characters");
            }
            return saveProfile(userId, change.name(), TimeZones.check("timeZone", change.timeZone()));
        });
    }

    private Uni<UserResponse> saveProfile(UUID userId, String name, String timeZone) {
        return db.withTransaction(tx -> users.findById(tx, userId).flatMap(found -> {
            User user = found.orElseThrow(() -> ApiException.unauthorized("the account of this token no longer exists"));
            User changed = new User(user.id(), user.email(), name == null ? user.name() : name.strip(),
                    user.passwordHash(), user.roles(), timeZone == null ? user.timeZone() : timeZone);
            return users.updateProfile(tx, userId, changed.name(), changed.timeZone())
                    .chain(() -> outbox.record(tx, "user.updated", userEvent(changed)))
                    .replaceWith(UserResponse.of(changed));
        }));
    }

    /** A user as user-events describe them (user.registered, user.updated); no time zone when none was chosen. */
    private static Map<String, Object> userEvent(User user) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("userId", user.id());
        event.put("email", user.email());
        event.put("name", user.name());
        event.put("roles", user.roles());
        if (user.timeZone() != null) {
            event.put("timeZone", user.timeZone());
        }
        return event;
    }

    /**
     * Changes the password after checking the current one; every sign-in session of the user ends: refresh
     * tokens revoked, access tokens refused from now on.
     */
    public Uni<Void> changePassword(UUID userId, PasswordChangeRequest request) {
        checkPasswordLength("newPassword", request.newPassword());
        return users.findById(db, userId)
                .map(found -> found.orElseThrow(() -> ApiException.unauthorized("the account of this token no longer exists")))
                .flatMap(user -> passwords.matches(request.currentPassword(), user.passwordHash()).map(matches -> {
                    if (!matches) {
                        throw ApiException.invalid("currentPassword", "is not the current password");
                    }
                    return user;
                }))
                .flatMap(user -> passwords.hash(request.newPassword()))
                .flatMap(hash -> db.withTransaction(tx -> users.updatePassword(tx, userId, hash)
                        .chain(() -> refreshTokens.revokeAllOf(tx, userId))))
                .flatMap(sessions::revoke);
    }

    private Uni<TokenResponse> issue(SqlConnection tx, User user, UUID familyId) {
        String refresh = OpaqueTokens.newToken();
        OffsetDateTime expires = OffsetDateTime.now(ZoneOffset.UTC).plus(config.tokens().refreshTtl());
        return refreshTokens.insert(tx, OpaqueTokens.sha256(refresh), familyId, user.id(), expires)
                .replaceWith(() -> new TokenResponse(accessTokens.issue(user.id(), user.roles(), familyId), refresh,
                        accessTokens.ttlSeconds(), "Bearer"));
    }

    static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isInstructor(User user) {
        return user.roles().contains(Caller.INSTRUCTOR);
    }

    /** bcrypt reads at most 72 bytes: a longer password would be silently cut, so it is refused. */
    private static void checkPasswordLength(String field, String password) {
        if (password.getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES) {
            throw ApiException.invalid(field, "must be at most 72 bytes in UTF-8");
        }
    }
}
