package com.instainstru.platform.web;

/**
 * Money in the API: an amount is a decimal number of the currency's units ({@code 45.00}), and every object that
 * holds amounts says their currency beside them in {@code currency} (ISO 4217). One currency for now: the
 * platform is New York only.
 */
public final class Amounts {

    /** The ISO 4217 code of every amount the platform answers. */
    public static final String CURRENCY = "USD";

    /** The description of a {@code currency} field in the OpenAPI documents. */
    public static final String CURRENCY_DESCRIPTION = "ISO 4217 currency of every amount in this object";

    private Amounts() {
    }

    /**
     * An event's payload (or an object in it) that holds amounts: its JSON says their {@code currency} beside them
     * (the getter is Jackson's property). A consumer reads it with {@code EventFields.platformCurrency}: absent in
     * an event written before events carried it, when it is USD.
     */
    public interface Priced {

        default String getCurrency() {
            return CURRENCY;
        }
    }
}
