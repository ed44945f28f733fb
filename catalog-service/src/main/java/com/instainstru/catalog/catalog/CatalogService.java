package com.instainstru.catalog.catalog;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A service of the catalog (Piano, SAT Prep, ...): what instructors offer and students search for. */
@Entity
@Table(name = "catalog_service")
public class CatalogService extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "category_id")
    public Category category;

    @Column(nullable = false)
    public String slug;

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(name = "display_order", nullable = false)
    public int displayOrder;

    @Column(name = "online_capable", nullable = false)
    public boolean onlineCapable;

    @Column(name = "requires_certification", nullable = false)
    public boolean requiresCertification;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "search_terms", nullable = false)
    public String[] searchTerms;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "related_slugs", nullable = false)
    public String[] relatedSlugs;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /** Seeded services get the same id everywhere: a name-based UUID of their slug. */
    public static UUID idForSlug(String slug) {
        return UUID.nameUUIDFromBytes(("catalog-service:" + slug).getBytes(StandardCharsets.UTF_8));
    }
}
