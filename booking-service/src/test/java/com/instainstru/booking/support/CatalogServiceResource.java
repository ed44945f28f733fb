package com.instainstru.booking.support;

/** The real catalog-service for booking's tests, publishing into their Redis database (1). */
public class CatalogServiceResource extends com.instainstru.platform.test.CatalogServiceResource {

    public CatalogServiceResource() {
        super("booking", 1);
    }
}
