package com.instainstru.platform.web;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * Says in every OpenAPI document that an operation naming no security scheme needs none: its {@code security} is
 * the empty requirement ({@code [{}]}), so the document states for each operation whether a token is needed
 * (an OpenAPI linter refuses an operation that leaves it unsaid).
 */
@OpenApiFilter
public class PublicOperations implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty()) {
            return; // a document-wide requirement covers the operations that name none
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            item.getOperations().values().forEach(operation -> {
                if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
                    operation.addSecurityRequirement(OASFactory.createSecurityRequirement());
                }
            });
        }
    }
}
