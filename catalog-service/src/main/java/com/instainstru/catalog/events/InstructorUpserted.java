package com.instainstru.catalog.events;

import java.util.List;
import java.util.UUID;

/** {@code instructor.upserted}: an instructor's profile was created or changed. */
public record InstructorUpserted(UUID instructorId, String name, String bio, int yearsExperience, String timeZone,
        List<String> areas, boolean teachesOnline, boolean teachesAtStudio, boolean travelsToStudents, String status) {

    public static final String TYPE = "instructor.upserted";
}
