package com.instainstru.gateway.web;

/** Which requests are the web app's pages (everything but the API, operations and static files). */
public final class WebPaths {

    private WebPaths() {
    }

    public static boolean isPage(String path) {
        return path != null && !path.startsWith("/api/") && !path.equals("/api") && !path.startsWith("/q/")
                && !path.startsWith("/static/") && !path.startsWith("/webjars/") && !path.startsWith("/_static/")
                && !path.equals("/favicon.ico") && !path.equals("/robots.txt");
    }

    /**
     * A place to return to after signing in: a path of this site only (never {@code //host} or a full URL,
     * which would make the login page an open redirect), else the home page.
     */
    public static String safeReturn(String next) {
        if (next == null || next.isBlank() || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.length() > 2000 || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/";
        }
        return next;
    }
}
