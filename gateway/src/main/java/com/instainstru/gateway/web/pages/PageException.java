package com.instainstru.gateway.web.pages;

/**
 * A page that cannot be shown as asked: rendered as a friendly error page with the right status
 * ({@link PageErrors}), never a stack trace or a problem document.
 */
public class PageException extends RuntimeException {

    private final int status;
    private final String title;

    public PageException(int status, String title, String message) {
        super(message, null, false, false);
        this.status = status;
        this.title = title;
    }

    public static PageException notFound(String message) {
        return new PageException(404, "We couldn't find that page", message);
    }

    public static PageException badRequest(String message) {
        return new PageException(400, "Something in that address isn't right", message);
    }

    public static PageException forbidden(String message) {
        return new PageException(403, "This page isn't for your account", message);
    }

    public static PageException unavailable(String message) {
        return new PageException(503, "This is unavailable right now", message);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The visitor must sign in first; they come back to {@code returnTo} afterwards. */
    public static final class LoginRequired extends RuntimeException {

        private final String returnTo;
        private final boolean expired;

        public LoginRequired(String returnTo, boolean expired) {
            super("sign in first", null, false, false);
            this.returnTo = returnTo;
            this.expired = expired;
        }

        public String returnTo() {
            return returnTo;
        }

        public boolean expired() {
            return expired;
        }
    }
}
