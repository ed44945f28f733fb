package com.instainstru.gateway.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FormatsTest {

    private static String money(String amount, String currency) {
        return Formats.money(new BigDecimal(amount), currency);
    }

    @Test
    void dollarsAsTheyWereWrittenWholeWithoutCentsElseWithBoth() {
        assertThat(money("45.00", "USD")).isEqualTo("$45");
        assertThat(money("45", "USD")).isEqualTo("$45");
        assertThat(money("45.5", "USD")).isEqualTo("$45.50");
        assertThat(money("0.995", "USD")).isEqualTo("$1");
        assertThat(money("1200.00", "USD")).isEqualTo("$1200");
    }

    @Test
    void anotherCurrencyWithItsSymbolOrCodeAndItsOwnDecimals() {
        assertThat(money("45.00", "EUR")).isEqualTo("€45");
        assertThat(money("12.5", "GBP")).isEqualTo("£12.50");
        assertThat(money("45", "CAD")).isEqualTo("CA$45");
        assertThat(money("4500.4", "JPY")).isEqualTo("¥4500");
        assertThat(money("45.25", "CHF")).isEqualTo("CHF 45.25");
        assertThat(money("1.234", "BHD")).isEqualTo("BHD 1.234");
        assertThat(money("45", " eur ")).as("a code as sent, trimmed and in upper case").isEqualTo("€45");
    }

    @Test
    void aMissingOrUnknownCurrencyDoesNotStopThePage() {
        assertThat(money("45.50", null)).isEqualTo("45.50");
        assertThat(money("45", "")).isEqualTo("45");
        assertThat(money("45", "dollars")).isEqualTo("45");
        assertThat(money("45", "XYZ")).as("three letters that are no ISO 4217 code: the code").isEqualTo("XYZ 45");
        assertThat(Formats.money(null, "USD")).isEmpty();
    }
}
