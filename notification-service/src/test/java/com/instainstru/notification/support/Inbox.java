package com.instainstru.notification.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.instainstru.notification.mail.Messages;
import com.instainstru.platform.test.MailDev;
import com.instainstru.platform.test.MailDevResource;
import java.util.List;

/** The tests' MailDev, read by what the service's headers say a message is. */
public final class Inbox {

    private Inbox() {
    }

    /** The messages of a kind to an address. */
    public static List<JsonNode> of(String address, String kind) {
        return MailDevResource.inbox().messagesTo(address).stream()
                .filter(m -> kind.equals(MailDev.header(m, Messages.KIND_HEADER))).toList();
    }

    public static int count(String address, String kind) {
        return of(address, kind).size();
    }

    /** The .ics attachment of a message, as sent (and that it is one: text/calendar). */
    public static String calendar(JsonNode message) {
        List<String> types = new java.util.ArrayList<>();
        message.path("attachments").forEach(a -> types.add(a.path("contentType").asText()));
        if (types.stream().noneMatch(t -> t.startsWith("text/calendar"))) {
            throw new AssertionError("no text/calendar attachment: " + types);
        }
        return MailDevResource.inbox().attachment(message, "lesson.ics");
    }
}
