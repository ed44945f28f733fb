package com.instainstru.catalog.events;

import java.util.UUID;

/** {@code offering.removed}: an instructor no longer offers a catalog service. */
public record OfferingRemoved(UUID offeringId, UUID instructorId, UUID serviceId) {

    public static final String TYPE = "offering.removed";
}
