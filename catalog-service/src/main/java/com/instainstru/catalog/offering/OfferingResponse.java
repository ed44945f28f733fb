package com.instainstru.catalog.offering;

import com.instainstru.platform.web.Amounts;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Offering")
public record OfferingResponse(UUID id, UUID instructorId, UUID catalogServiceId, String serviceSlug,
        String serviceName, String categorySlug, BigDecimal hourlyRate, List<Integer> durationOptions,
        List<String> levels, List<String> ageGroups, List<String> locationTypes,
        @Schema(description = "null when the instructor wrote none", nullable = true) String description, boolean active,
        @Schema(description = "Rises with every change of the offering; the version its events carry") long version) {

    /** The currency of hourlyRate; a getter, so that Jackson and OpenAPI list it. */
    @Schema(description = Amounts.CURRENCY_DESCRIPTION, example = Amounts.CURRENCY, enumeration = Amounts.CURRENCY)
    public String getCurrency() {
        return Amounts.CURRENCY;
    }

}
