package com.instainstru.platform.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents every error answer of a service's OpenAPI document as what {@link ProblemMappers} makes it: an
 * {@code application/problem+json} {@link Problem}. A resource declares an error by its status and meaning alone
 * ({@code @APIResponse(responseCode = "404", description = "No such booking")}); this gives each 4xx and 5xx answer
 * that names no content the problem's media type and schema ({@link Problem}, in the components as every
 * {@code @Schema}-named class of the platform's index is).
 */
@OpenApiFilter
public class ProblemDocumentation implements OASFilter {

    static final String SCHEMA = "Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            item.getOperations().values().forEach(ProblemDocumentation::documentErrors);
        }
    }

    private static void documentErrors(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        for (Map.Entry<String, APIResponse> answer : operation.getResponses().getAPIResponses().entrySet()) {
            if (isError(answer.getKey()) && answer.getValue().getContent() == null) {
                answer.getValue().setContent(problemContent());
            }
        }
    }

    private static boolean isError(String status) {
        return status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5');
    }

    /** {@code application/problem+json} with the {@code Problem} schema. */
    public static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMA)));
    }
}
