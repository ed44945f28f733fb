package com.instainstru.e2e;

import com.instainstru.platform.test.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A bare HTTP client for the pages, for what a browser hides: statuses of redirects, the cookies as sent,
 * forms posted without their CSRF token. Cookies are kept per client (one client, one browser).
 */
final class WebClient {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();

    Map<String, String> cookies() {
        return cookies;
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    /** A GET with one more header (e.g. Accept-Encoding); the body is read as bytes, undecoded. */
    HttpResponse<String> get(String path, String header, String value) {
        return send(request(path).header(header, value).GET().build());
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The CSRF token of the page's forms. */
    static String csrfToken(HttpResponse<String> page) {
        Matcher m = CSRF_FIELD.matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("no CSRF field on " + page.uri() + ":\n" + page.body());
        }
        return m.group(1);
    }

    /** Signs in through the login form (with its token), as a browser does. */
    WebClient signIn(String email, String password) {
        String token = csrfToken(get("/login"));
        HttpResponse<String> answer = post("/login", Map.of("_csrf", token, "email", email, "password", password, "next", "/"));
        if (answer.statusCode() != 303) {
            throw new AssertionError("sign-in answered " + answer.statusCode() + ":\n" + answer.body());
        }
        return this;
    }

    private HttpRequest.Builder request(String path) {
        String url = path.startsWith("http") ? path : Platform.shared().gatewayUrl() + path;
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url));
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            for (String set : setCookies(response)) {
                String[] pair = set.split(";", 2)[0].split("=", 2);
                if (set.toLowerCase().contains("max-age=0") || pair[1].isEmpty()) {
                    cookies.remove(pair[0]);
                } else {
                    cookies.put(pair[0], pair[1]);
                }
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<String> setCookies(HttpResponse<?> response) {
        return response.headers().allValues("set-cookie");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An access token for the user that expired long ago, signed with the gateway's key of this run. */
    static String expiredAccessToken(String userId, String role) {
        return Tokens.expired(UUID.fromString(userId), role);
    }
}
