package com.instainstru.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebPathsTest {

    @Test
    void aVisitorReturnsOnlyToAPathOfThisSite() {
        assertThat(WebPaths.safeReturn("/book?instructor=1&start=2026-12-01T10:00-05:00"))
                .isEqualTo("/book?instructor=1&start=2026-12-01T10:00-05:00");
        assertThat(WebPaths.safeReturn(null)).isEqualTo("/");
        assertThat(WebPaths.safeReturn("https://evil.example/")).isEqualTo("/");
        assertThat(WebPaths.safeReturn("//evil.example/")).isEqualTo("/");
        assertThat(WebPaths.safeReturn("/\\evil.example/")).isEqualTo("/");
        assertThat(WebPaths.safeReturn("/lessons\r\nSet-Cookie: x=1")).isEqualTo("/");
        assertThat(WebPaths.safeReturn("lessons")).isEqualTo("/");
    }

    @Test
    void theApiOperationsAndStaticFilesAreNotPages() {
        assertThat(WebPaths.isPage("/")).isTrue();
        assertThat(WebPaths.isPage("/instructors/42")).isTrue();
        assertThat(WebPaths.isPage("/api/v1/home")).isFalse();
        assertThat(WebPaths.isPage("/q/health")).isFalse();
        assertThat(WebPaths.isPage("/static/app.css")).isFalse();
        assertThat(WebPaths.isPage("/webjars/htmx.org/dist/htmx.min.js")).isFalse();
    }
}
