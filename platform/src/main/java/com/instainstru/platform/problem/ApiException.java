package com.instainstru.platform.problem;

import java.util.List;

/**
 * A failure with a meaning for the caller. Thrown anywhere, mapped once to problem+json by
 * {@link ProblemMappers} (REST endpoints) or written by {@link Problems} (Vert.x routes). The
 * {@code kind} is the last segment of the problem's {@code type}; callers and tests rely on it.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String kind;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ApiException(int status, String kind, String title, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.kind = kind;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ApiException notFound(String what, Object id) {
        return notFound(what + " " + id + " does not exist");
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "not-found", "Not found", detail, null);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "conflict", "Conflict", detail, null);
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "bad-request", "Bad request", detail, null);
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(400, "validation", "Invalid request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "unauthorized", "Unauthorized", detail, null);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "forbidden", "Forbidden", detail, null);
    }

    public static ApiException tooManyRequests(long retryAfterSeconds) {
        return new TooManyRequests(retryAfterSeconds);
    }

    public static ApiException unavailable(String detail) {
        return new ApiException(503, "unavailable", "Service unavailable", detail, null);
    }

    public int status() {
        return status;
    }

    /** The last segment of the problem's {@code type}, e.g. {@code conflict}. */
    public String kind() {
        return kind;
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.TYPE_BASE + kind, title, status, getMessage(), instance, errors);
    }

    /** A 429: the caller must wait {@link #retryAfterSeconds()} before the limit lets it through again. */
    public static final class TooManyRequests extends ApiException {

        private final long retryAfterSeconds;

        TooManyRequests(long retryAfterSeconds) {
            super(429, "rate-limited", "Too many requests",
                    "too many requests; retry after " + retryAfterSeconds + " s", null);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
