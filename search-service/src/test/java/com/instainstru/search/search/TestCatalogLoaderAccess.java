package com.instainstru.search.search;

/** Lets tests outside this package make the seeded catalog be published again (after a truncation). */
public final class TestCatalogLoaderAccess {

    private TestCatalogLoaderAccess() {
    }

    public static void forget() {
        TestCatalogLoader.forget();
    }
}
