package com.instainstru.platform.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Conditional reads of public answers: a weak {@code ETag} derived from the JSON body (the same content has
 * the same tag on every instance), {@code Cache-Control}, and 304 Not Modified with no body when the client's
 * {@code If-None-Match} names the current tag. Weak, because the tag names the content, not its encoding
 * (a compressed answer carries the same tag). An operation answered this way says so in its OpenAPI
 * document with {@link #EXTENSION}: {@link ConditionalGetDocumentation} then declares the header, the 304 and
 * the answer's headers.
 */
public final class ConditionalGets {

    public static final String IF_NONE_MATCH = "If-None-Match";
    public static final String ETAG = "ETag";
    /** An operation extension ({@code @Extension(name = EXTENSION, value = "true")}) marking a conditional read. */
    public static final String EXTENSION = "x-conditional-get";

    private ConditionalGets() {
    }

    /**
     * The answer to a GET of {@code body} (JSON): 304 with the tag when {@code ifNoneMatch} names it, else 200 with
     * the body and the tag; both with {@code cacheControl}.
     */
    public static Response.ResponseBuilder answer(String body, String ifNoneMatch, String cacheControl) {
        return answer(body, body.getBytes(StandardCharsets.UTF_8), ifNoneMatch, cacheControl);
    }

    /** Like {@link #answer(String, String, String)} for a body already encoded (UTF-8 JSON). */
    public static Response.ResponseBuilder answer(byte[] body, String ifNoneMatch, String cacheControl) {
        return answer(body, body, ifNoneMatch, cacheControl);
    }

    private static Response.ResponseBuilder answer(Object entity, byte[] bytes, String ifNoneMatch, String cacheControl) {
        String tag = etag(bytes);
        Response.ResponseBuilder answer = matches(ifNoneMatch, tag) ? Response.notModified()
                : Response.ok(entity, MediaType.APPLICATION_JSON_TYPE);
        return answer.header(ETAG, tag).header("Cache-Control", cacheControl);
    }

    /** The weak entity tag of a body: the first 128 bits of its SHA-256, base64url. */
    public static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        }
    }

    /** Whether an {@code If-None-Match} value names {@code tag} (weak comparison, RFC 9110 13.1.2), or is {@code *}. */
    public static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        if (ifNoneMatch.strip().equals("*")) {
            return true;
        }
        String opaque = opaque(tag);
        return Arrays.stream(ifNoneMatch.split(",")).map(ConditionalGets::opaque).anyMatch(opaque::equals);
    }

    private static String opaque(String tag) {
        String t = tag.strip();
        return t.startsWith("W/") ? t.substring(2) : t;
    }
}
