package com.instainstru.catalog.infra;

import com.instainstru.platform.outbox.OutboxAdminResource;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The operator's republish of catalog-events from the outbox (admins; inherited from the platform). */
@Path("/api/v1/catalog/admin/outbox")
@Tag(name = "Admin")
public class OutboxAdmin extends OutboxAdminResource {
}
