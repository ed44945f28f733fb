package com.instainstru.catalog.events;

import com.instainstru.platform.web.Amounts;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * {@code offering.upserted}: an instructor started offering a catalog service, or changed its terms.
 * {@code version} rises with every change of the offering (consumers keep the highest they have seen).
 * {@code currency} is that of {@code hourlyRate} (ISO 4217); an event written before it was sent has none (USD).
 */
public record OfferingUpserted(UUID offeringId, UUID instructorId, UUID serviceId, BigDecimal hourlyRate,
        List<Integer> durationOptions, List<String> levels, List<String> ageGroups, List<String> locationTypes,
        boolean active, String description, long version) implements Amounts.Priced {

    public static final String TYPE = "offering.upserted";
}
