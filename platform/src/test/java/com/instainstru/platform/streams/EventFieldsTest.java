package com.instainstru.platform.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.instainstru.platform.web.Amounts;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class EventFieldsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    /** An event payload as producers write it: a record that implements Amounts.Priced. */
    record Offered(String offeringId, BigDecimal hourlyRate) implements Amounts.Priced {
    }

    @Test
    void aPricedPayloadSaysItsCurrencyBesideItsAmounts() {
        JsonNode written = JSON.valueToTree(new Offered("o-1", new BigDecimal("60.00")));

        assertThat(written.get("currency").asText()).isEqualTo("USD");
        assertThat(written.get("hourlyRate").decimalValue()).isEqualByComparingTo("60");
        assertThat(EventFields.platformCurrency(written)).isEqualTo("USD");
    }

    @Test
    void anEventWrittenBeforeEventsCarriedACurrencyIsInUsd() throws Exception {
        assertThat(EventFields.platformCurrency(json("{\"hourlyRate\": 60}"))).isEqualTo("USD");
        assertThat(EventFields.platformCurrency(json("{\"hourlyRate\": 60, \"currency\": null}"))).isEqualTo("USD");
    }

    @Test
    void amountsInAnotherCurrencyAreNotAddedToTheFigures() throws Exception {
        for (String currency : new String[] {"\"EUR\"", "\"usd\"", "3", "\"\""}) {
            assertThatThrownBy(() -> EventFields.platformCurrency(json("{\"hourlyRate\": 60, \"currency\": " + currency
                    + "}"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("currency");
        }
    }
}
