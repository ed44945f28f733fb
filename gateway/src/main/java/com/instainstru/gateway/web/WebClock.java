package com.instainstru.gateway.web;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The clock the pages read "today" and "now" from (one place to move it in a test). */
public class WebClock {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
