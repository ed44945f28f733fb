package com.instainstru.analytics.infra;

import com.instainstru.platform.outbox.OutboxAdminResource;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /api/v1/analytics/admin/outbox/republish?since=}: analytics-events published again (admin). */
@Path("/api/v1/analytics/admin/outbox")
@Tag(name = "Operations", description = "Republish analytics-events after Redis lost them (admin)")
@APIResponse(responseCode = "200", description = "How many events go out again, and how far back the outbox reaches")
@APIResponse(responseCode = "400", description = "from missing or not an ISO-8601 date-time with an offset")
public class OutboxAdmin extends OutboxAdminResource {
}
