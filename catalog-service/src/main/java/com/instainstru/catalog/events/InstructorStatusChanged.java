package com.instainstru.catalog.events;

import java.util.UUID;

/** {@code instructor.status-changed}: an account was paused, resumed, suspended, reactivated or deactivated. */
public record InstructorStatusChanged(UUID instructorId, String status, String previousStatus, String changedBy,
        String reason) {

    public static final String TYPE = "instructor.status-changed";
}
