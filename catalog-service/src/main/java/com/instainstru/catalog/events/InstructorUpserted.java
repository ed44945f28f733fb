package com.instainstru.catalog.events;

import java.util.List;
import java.util.UUID;

/**
 * {@code instructor.upserted}: an instructor's profile was created or changed. {@code version} rises with every
 * change of the instructor (profile or status), so consumers applying events out of order keep the newest.
 */
public record InstructorUpserted(UUID instructorId, String name, String bio, int yearsExperience, String timeZone,
        List<String> areas, boolean teachesOnline, boolean teachesAtStudio, boolean travelsToStudents, String status,
        long version) {

    public static final String TYPE = "instructor.upserted";
}
