package com.instainstru.platform.web;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Declares in the OpenAPI document what an operation marked {@link ConditionalGets#EXTENSION} does: it takes
 * {@code If-None-Match}, its 200 carries {@code ETag} and {@code Cache-Control}, and it may answer 304 with no body.
 * The mark itself is removed.
 */
@OpenApiFilter
public class ConditionalGetDocumentation implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            item.getOperations().values().stream()
                    .filter(operation -> operation.getExtensions() != null
                            && operation.getExtensions().containsKey(ConditionalGets.EXTENSION))
                    .forEach(ConditionalGetDocumentation::declare);
        }
    }

    private static void declare(Operation operation) {
        operation.removeExtension(ConditionalGets.EXTENSION);
        operation.addParameter(OASFactory.createParameter().name(ConditionalGets.IF_NONE_MATCH).in(Parameter.In.HEADER)
                .description("The ETag of the answer the client holds: 304 with no body if it is still current")
                .schema(string()).example("W/\"q1bC7kq0b8lX2bq3yQ5x1A\""));
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        // The scanner copies a method's extensions onto its responses and each response too.
        operation.getResponses().removeExtension(ConditionalGets.EXTENSION);
        if (operation.getResponses().getAPIResponses() != null) {
            operation.getResponses().getAPIResponses().values().forEach(r -> r.removeExtension(ConditionalGets.EXTENSION));
        }
        APIResponse ok = operation.getResponses().getAPIResponse("200");
        if (ok != null) {
            ok.addHeader(ConditionalGets.ETAG, etag());
            ok.addHeader("Cache-Control", OASFactory.createHeader().schema(string())
                    .description("How long the answer may be reused without asking (public, max-age=...) or that it is "
                            + "the caller's own (private, no-cache)"));
        }
        operation.getResponses().addAPIResponse("304", OASFactory.createAPIResponse()
                .description("Not modified: If-None-Match names the current ETag (no body)")
                .addHeader(ConditionalGets.ETAG, etag()));
    }

    private static Header etag() {
        return OASFactory.createHeader().schema(string())
                .description("Weak entity tag of the answer's content; send it back as If-None-Match");
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }
}
