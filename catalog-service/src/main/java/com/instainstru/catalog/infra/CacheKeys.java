package com.instainstru.catalog.infra;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Names of the cached answer groups, and which groups a change makes stale. Writers ask here
 * rather than flushing everything, so a change invalidates exactly what it must.
 */
public final class CacheKeys {

    public static final String CATEGORIES = "categories";
    public static final String TOP = "top";
    public static final String ALL = "all";
    private static final String ANY = "_any";

    private CacheKeys() {
    }

    public static String services(String categorySlug) {
        return "services:" + (categorySlug == null ? ANY : categorySlug);
    }

    public static String service(String idOrSlug) {
        return "service:" + idOrSlug;
    }

    public static String instructor(UUID id) {
        return "instructor:" + id;
    }

    public static String instructors(String serviceIdOrSlug) {
        return "instructors:" + (serviceIdOrSlug == null ? ANY : serviceIdOrSlug);
    }

    /** A catalog service as the cache knows it: the identifiers its answers are cached under. */
    public record ServiceRef(UUID id, String slug, String categorySlug) {
    }

    /** What depends on whether (and at what rate) a service is offered: the browse aggregates. */
    public static Set<String> forServiceOffering(Collection<ServiceRef> services) {
        Set<String> keys = new LinkedHashSet<>(Set.of(CATEGORIES, TOP, ALL, services(null), instructors(null)));
        for (ServiceRef s : services) {
            keys.add(services(s.categorySlug()));
            keys.add(service(s.id().toString()));
            keys.add(service(s.slug()));
            keys.add(instructors(s.id().toString()));
            keys.add(instructors(s.slug()));
        }
        return keys;
    }

    /** An instructor's offerings or status changed: their page and every aggregate of those services. */
    public static Set<String> forInstructorOfferings(UUID instructorId, Collection<ServiceRef> services) {
        Set<String> keys = forServiceOffering(services);
        keys.add(instructor(instructorId));
        return keys;
    }

    /** Only an instructor's profile changed (name, bio, areas...): their page and the lists showing them. */
    public static Set<String> forInstructorProfile(UUID instructorId, Collection<ServiceRef> services) {
        Set<String> keys = new LinkedHashSet<>(Set.of(instructor(instructorId), instructors(null)));
        for (ServiceRef s : services) {
            keys.add(instructors(s.id().toString()));
            keys.add(instructors(s.slug()));
        }
        return keys;
    }
}
