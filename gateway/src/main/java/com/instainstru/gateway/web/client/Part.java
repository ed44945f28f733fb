package com.instainstru.gateway.web.client;

import java.util.function.Function;

/**
 * One service's part of a page: its value, or why there is none. {@code status} is the service's answer
 * (200, or a 4xx such as 404) or 0 when the service could not be asked or did not answer in time; then
 * {@code missing} names what the page lacks ("available times"), and the page says so instead of failing.
 */
public record Part<T>(T value, int status, String detail, String missing) {

    public static <T> Part<T> of(T value) {
        return new Part<>(value, 200, null, null);
    }

    public static <T> Part<T> refused(int status, String detail) {
        return new Part<>(null, status, detail, null);
    }

    public static <T> Part<T> unavailable(String missing) {
        return new Part<>(null, 0, null, missing);
    }

    public boolean ok() {
        return value != null;
    }

    public boolean unavailable() {
        return status == 0;
    }

    public T orElse(T other) {
        return value != null ? value : other;
    }

    public <R> Part<R> map(Function<T, R> f) {
        return value != null ? Part.of(f.apply(value)) : new Part<>(null, status, detail, missing);
    }
}
