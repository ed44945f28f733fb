package com.instainstru.catalog.events;

import java.util.UUID;

/**
 * {@code offering.removed}: an instructor no longer offers a catalog service. Final: the offering's id is never
 * used again, so a consumer keeps it removed whatever arrives later; {@code version} follows its last upsert's.
 */
public record OfferingRemoved(UUID offeringId, UUID instructorId, UUID serviceId, long version) {

    public static final String TYPE = "offering.removed";
}
