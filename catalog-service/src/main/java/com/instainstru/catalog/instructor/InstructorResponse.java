package com.instainstru.catalog.instructor;

import com.instainstru.catalog.offering.OfferingResponse;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Instructor")
public record InstructorResponse(UUID id, String name, @Schema(description = "null until written", nullable = true) String bio, int yearsExperience, String timeZone,
        List<String> areas, boolean teachesOnline, boolean teachesAtStudio, boolean travelsToStudents,
        AccountStatus status, List<OfferingResponse> offerings,
        @Schema(description = "Rises with every change of the instructor; the version their events carry") long version) {

    @Schema(name = "InstructorPage", description = "One page of a list; the next is asked with cursor=nextCursor")
    public record Page(List<InstructorResponse> items,
            @Schema(description = "Cursor of the next page, null on the last", nullable = true) String nextCursor,
            @Schema(description = "How many instructors the list has in all (items is one page)") long total) {
    }
}
