package com.instainstru.catalog.instructor;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/catalog/areas")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog")
public class AreaResource {

    @Inject
    AreaDirectory areas;

    @GET
    @Operation(summary = "The service areas instructors can choose: NYC boroughs and their neighbourhoods")
    public List<AreaDirectory.Borough> areas() {
        return areas.boroughs();
    }
}
