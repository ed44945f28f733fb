package com.instainstru.notification.mail;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * A message that is due, as the sender claimed it: its row ({@code id}, {@code kind}, {@code role}, what it says in
 * {@code data}) and its recipient's address and name (null while user-events have not told them), the other party's
 * name (null when unknown), whether the recipient wants reminders and their own time zone (null when not known).
 */
public record Due(UUID id, String kind, String role, UUID subjectId, UUID recipientId, int attempts, JsonNode data,
        Instant waitingSince, String email, String name, boolean reminders, String otherName, String timeZone) {

    public boolean reminder() {
        return kind.startsWith("reminder-");
    }

    /** An account message (verification, password reset, an existing account): about the user, not a lesson. */
    public boolean account() {
        return role.equals("user");
    }

    public Instant lessonStart() {
        return Instant.parse(data.path("startTime").asText());
    }
}
