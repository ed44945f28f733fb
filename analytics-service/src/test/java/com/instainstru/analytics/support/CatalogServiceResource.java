package com.instainstru.analytics.support;

/** The real catalog-service for analytics's tests, publishing into their Redis database (4). */
public class CatalogServiceResource extends com.instainstru.platform.test.CatalogServiceResource {

    public CatalogServiceResource() {
        super("analytics", 4);
    }
}
