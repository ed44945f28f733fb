package com.instainstru.platform.web;

import com.instainstru.platform.problem.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Opaque page cursors for keyset pagination: the sort key of a page's last item, as text parts,
 * base64url-encoded with a kind so that one list's cursor is refused by another. A client only
 * passes {@code nextCursor} back as given; what is inside may change between releases.
 */
public final class Cursors {

    private static final char SEPARATOR = '\u001f';
    private static final int MAX_LENGTH = 1_000;

    private Cursors() {
    }

    /** The cursor that continues after an item whose sort key is {@code parts}. */
    public static String encode(String kind, String... parts) {
        String text = kind + SEPARATOR + String.join(String.valueOf(SEPARATOR), parts);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The sort key inside {@code cursor} (null when none is given), or a 400 problem naming the
     * {@code cursor} parameter when it is not a cursor of this kind with {@code size} parts.
     */
    public static List<String> decode(String kind, int size, String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            if (cursor.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            String text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            List<String> parts = Arrays.asList(text.split(String.valueOf(SEPARATOR), -1));
            if (parts.size() != size + 1 || !parts.get(0).equals(kind)) {
                throw new IllegalArgumentException("not a " + kind + " cursor");
            }
            return parts.subList(1, parts.size());
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** The 400 for a cursor whose parts do not parse (a caller's check after {@link #decode}). */
    public static ApiException invalid() {
        return ApiException.invalid("cursor", "is not a cursor this list returned (pass nextCursor as given)");
    }
}
