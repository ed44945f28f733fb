package com.instainstru.platform.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Declares in every OpenAPI document the answers the platform gives on an operation whatever the resource says,
 * each an {@code application/problem+json} {@link Problem}, where the operation does not declare them itself:
 * 401 (no valid token on a secured operation; a token sent and not valid on any), 403 (a role the operation does not
 * allow), 400 (a parameter or body that is not valid: {@link ProblemMappers}, {@link StrictJson}; a query parameter
 * the operation does not take: {@code web.UnknownQueryParameters}) and 415 (a body that is not JSON) on an operation
 * that takes a body.
 *
 * <p>A resource says who may call an operation once, with {@code @RolesAllowed} or {@code @Authenticated}: Quarkus
 * gives such an operation the service's security scheme ({@code jwt}, the roles as its scopes) and a 401 and 403 of
 * its own wording ({@value #QUARKUS_401}, {@value #QUARKUS_403}), which this replaces with what the platform answers,
 * naming the roles allowed; likewise the {@value #QUARKUS_400} Quarkus gives an operation that takes a body.
 */
@OpenApiFilter
public class CommonAnswers implements OASFilter {

    /** Quarkus's description of the 401 it adds to a secured operation. */
    static final String QUARKUS_401 = "Not Authorized";

    /** Quarkus's description of the 403 it adds to a secured operation. */
    static final String QUARKUS_403 = "Not Allowed";

    /** Quarkus's description of the 400 it adds to an operation that takes a body. */
    static final String QUARKUS_400 = "Bad Request";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            item.getOperations().values().forEach(CommonAnswers::declare);
        }
    }

    private static void declare(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        if (secured(operation.getSecurity())) {
            declare(responses, "401", QUARKUS_401, "No valid bearer token");
            declare(responses, "403", QUARKUS_403, forbidden(roles(operation.getSecurity())));
        } else {
            addIfAbsent(responses, "401", "A token was sent and is not valid");
        }
        // Any operation: a query parameter it does not take is refused (platform web.UnknownQueryParameters).
        declare(responses, "400", QUARKUS_400,
                "A parameter or the body is not valid, or a query parameter is not one the operation takes (the problem's errors say which)");
        if (operation.getRequestBody() != null) {
            addIfAbsent(responses, "415", "The body is not application/json");
        }
    }

    private static String forbidden(List<String> roles) {
        return roles.isEmpty() ? "The caller's role may not do this"
                : "The caller's role may not do this (roles allowed: " + String.join(", ", roles) + ")";
    }

    /** The roles the operation's requirements name as their scopes (Quarkus puts a {@code @RolesAllowed}'s there). */
    private static List<String> roles(List<SecurityRequirement> security) {
        return security.stream().filter(requirement -> requirement.getSchemes() != null)
                .flatMap(requirement -> requirement.getSchemes().values().stream())
                .filter(scopes -> scopes != null).flatMap(List::stream).distinct().sorted().toList();
    }

    private static boolean secured(List<SecurityRequirement> security) {
        return security != null && security.stream()
                .anyMatch(requirement -> requirement.getSchemes() != null && !requirement.getSchemes().isEmpty());
    }

    /** Adds the answer, or words it as the platform does where Quarkus added it with its generic wording. */
    private static void declare(APIResponses responses, String status, String quarkusWording, String description) {
        APIResponse declared = responses.getAPIResponse(status);
        if (declared != null && quarkusWording.equals(declared.getDescription())) {
            declared.description(description).content(ProblemDocumentation.problemContent());
        } else {
            addIfAbsent(responses, status, description);
        }
    }

    private static void addIfAbsent(APIResponses responses, String status, String description) {
        if (responses.getAPIResponse(status) == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                    .content(ProblemDocumentation.problemContent()));
        }
    }
}
