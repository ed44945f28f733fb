package com.instainstru.search.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** offering.upserted says the currency of its hourlyRate; the price filters compare USD rates only. */
class OfferingCurrencyTest {

    private static ObjectNode offering() {
        ObjectNode p = new ObjectMapper().createObjectNode().put("offeringId", UUID.randomUUID().toString())
                .put("instructorId", UUID.randomUUID().toString()).put("serviceId", UUID.randomUUID().toString())
                .put("hourlyRate", 45.5).put("active", true).put("version", 3);
        p.putArray("durationOptions").add(30).add(60);
        return p;
    }

    @Test
    void anOfferingInUsdOrWrittenBeforeEventsCarriedACurrencyIsIndexed() {
        assertThat(EventApplier.offering(offering().put("currency", "USD")).hourlyRate()).isEqualByComparingTo("45.50");
        assertThat(EventApplier.offering(offering()).hourlyRate()).isEqualByComparingTo("45.50");
    }

    @Test
    void anOfferingInAnotherCurrencyIsNotComparedWithDollars() {
        assertThatThrownBy(() -> EventApplier.offering(offering().put("currency", "EUR")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EUR");
    }
}
