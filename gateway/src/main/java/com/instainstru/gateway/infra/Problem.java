package com.instainstru.gateway.infra;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem document: the body of every error this service answers. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(example = "https://instainstru.com/problems/validation") String type,
        @Schema(example = "Invalid request") String title,
        @Schema(example = "400") int status,
        @Schema(example = "password must be 10 to 72 characters") String detail,
        String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://instainstru.com/problems/";

    /** One invalid field of a request: a JSON path such as {@code durationOptions[1]} and what is wrong. */
    public record FieldError(String field, String message) {
    }
}
