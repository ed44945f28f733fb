package com.instainstru.catalog.events;

import java.util.UUID;

/**
 * {@code instructor.status-changed}: an account was paused, resumed, suspended, reactivated or deactivated.
 * {@code version}: the instructor's, shared with {@code instructor.upserted} (it rises with every change).
 */
public record InstructorStatusChanged(UUID instructorId, String status, String previousStatus, String changedBy,
        String reason, long version) {

    public static final String TYPE = "instructor.status-changed";
}
