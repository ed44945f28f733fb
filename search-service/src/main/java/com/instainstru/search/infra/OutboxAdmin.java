package com.instainstru.search.infra;

import com.instainstru.platform.outbox.OutboxAdminResource;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The operator's republish of search-events from the outbox (after Redis lost the stream); admins only. */
@Path("/api/v1/search/admin/outbox")
@Tag(name = "Operations", description = "What an operator does after an incident")
public class OutboxAdmin extends OutboxAdminResource {
}
