package com.instainstru.catalog.catalog;

import com.instainstru.catalog.events.CatalogServiceUpserted;
import com.instainstru.catalog.infra.CacheKeys;
import com.instainstru.catalog.infra.ResponseCache;
import com.instainstru.catalog.infra.SessionOutbox;
import com.instainstru.platform.problem.ApiException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** Admin changes to the catalog: add, edit and retire catalog services. */
@ApplicationScoped
public class CatalogAdminService {

    @Inject
    SessionOutbox outbox;

    @Inject
    ResponseCache cache;

    public Uni<UUID> createService(CatalogServiceRequest request) {
        String slug = request.slug() != null ? request.slug() : slugOf(request.name());
        return Panache.withTransaction(() -> category(request.category())
                        .flatMap(category -> requireFreeSlug(slug, null).flatMap(free -> {
                            CatalogService service = new CatalogService();
                            service.id = UUID.randomUUID();
                            service.category = category;
                            apply(service, request, slug);
                            return service.<CatalogService>persist();
                        }))
                        .call(this::recordUpserted))
                .call(service -> invalidate(service, Set.of(service.slug), Set.of(service.category.slug)))
                .map(service -> service.id);
    }

    public Uni<Void> updateService(UUID id, CatalogServiceRequest request) {
        Set<String> oldSlugs = new LinkedHashSet<>();
        Set<String> categories = new LinkedHashSet<>();
        return Panache.withTransaction(() -> find(id).flatMap(service -> {
                    oldSlugs.add(service.slug);
                    categories.add(service.category.slug);
                    String slug = request.slug() != null ? request.slug() : service.slug;
                    return category(request.category()).flatMap(category -> requireFreeSlug(slug, id).map(free -> {
                        service.category = category;
                        apply(service, request, slug);
                        categories.add(category.slug);
                        return service;
                    }));
                }).call(this::recordUpserted))
                .call(service -> invalidate(service, oldSlugs, categories))
                .replaceWithVoid();
    }

    /** Retires (hides) a service nobody offers; one that is offered cannot be removed. */
    public Uni<Void> retireService(UUID id) {
        return Panache.withTransaction(() -> find(id)
                        .call(service -> Panache.getSession().flatMap(session -> session
                                .createNativeQuery("SELECT count(*) FROM instructor_service WHERE catalog_service_id = :id",
                                        Long.class)
                                .setParameter("id", id).getSingleResult())
                                .invoke(offered -> {
                                    if (offered > 0) {
                                        throw ApiException.conflict("catalog service " + service.slug + " is offered by "
                                                + offered + " instructor(s) and cannot be removed");
                                    }
                                }))
                        .invoke(service -> {
                            service.active = false;
                            service.updatedAt = OffsetDateTime.now();
                        })
                        .call(this::recordUpserted))
                .call(service -> invalidate(service, Set.of(service.slug), Set.of(service.category.slug)))
                .replaceWithVoid();
    }

    private Uni<CatalogService> find(UUID id) {
        return CatalogService.<CatalogService>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ApiException.notFound("catalog service", id));
    }

    private Uni<Category> category(String slug) {
        return Category.<Category>find("slug", slug).firstResult()
                .onItem().ifNull().failWith(() -> ApiException.invalid("category", "no category '" + slug + "'"));
    }

    private Uni<Boolean> requireFreeSlug(String slug, UUID self) {
        return CatalogService.<CatalogService>find("slug", slug).firstResult().map(existing -> {
            if (existing != null && !existing.id.equals(self)) {
                throw ApiException.conflict("a catalog service with slug '" + slug + "' already exists");
            }
            return true;
        });
    }

    private static void apply(CatalogService service, CatalogServiceRequest request, String slug) {
        service.slug = slug;
        service.name = request.name().strip();
        service.description = request.description();
        service.displayOrder = request.displayOrder() == null ? 1000 : request.displayOrder();
        service.onlineCapable = request.onlineCapable();
        service.requiresCertification = Boolean.TRUE.equals(request.requiresCertification());
        service.searchTerms = distinctLowerCase(request.searchTerms());
        service.relatedSlugs = request.relatedSlugs() == null ? new String[0]
                : request.relatedSlugs().stream().distinct().toArray(String[]::new);
        service.active = true;
        service.updatedAt = OffsetDateTime.now();
    }

    private static String[] distinctLowerCase(List<String> terms) {
        return terms == null ? new String[0]
                : terms.stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).distinct().toArray(String[]::new);
    }

    static String slugOf(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (slug.isEmpty()) {
            throw ApiException.invalid("name", "must contain letters or digits");
        }
        return slug.length() > 80 ? slug.substring(0, 80).replaceAll("-$", "") : slug;
    }

    /** Flushed first, so the event carries the version the change gave the service. */
    private Uni<Void> recordUpserted(CatalogService s) {
        return Panache.getSession().flatMap(session -> session.flush())
                .chain(() -> outbox.record(CatalogServiceUpserted.TYPE, upserted(s)));
    }

    static CatalogServiceUpserted upserted(CatalogService s) {
        return new CatalogServiceUpserted(s.id, s.slug, s.name, s.category.slug, s.category.name,
                List.of(s.searchTerms), List.of(s.relatedSlugs), s.onlineCapable, s.active, s.description,
                s.displayOrder, s.requiresCertification, s.version);
    }

    /** A service's own page and the aggregates listing it; its instructors' pages show its name. */
    private Uni<Void> invalidate(CatalogService service, Set<String> slugs, Set<String> categories) {
        Set<String> keys = new LinkedHashSet<>();
        for (String category : categories) {
            for (String slug : slugs) {
                keys.addAll(CacheKeys.forServiceOffering(List.of(new CacheKeys.ServiceRef(service.id, slug, category))));
            }
        }
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> session
                        .createNativeQuery("SELECT instructor_id FROM instructor_service WHERE catalog_service_id = :id",
                                UUID.class)
                        .setParameter("id", service.id).getResultList()))
                .invoke(instructors -> instructors.forEach(i -> keys.add(CacheKeys.instructor(i))))
                .flatMap(instructors -> cache.invalidate(keys));
    }
}
