package com.instainstru.catalog.catalog;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A top-level grouping of the catalog (Music, Tutoring, ...), seeded from the catalog data. */
@Entity
@Table(name = "category")
public class Category extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String slug;

    @Column(nullable = false)
    public String name;

    public String subtitle;

    @Column(name = "icon_name")
    public String iconName;

    @Column(name = "display_order", nullable = false)
    public int displayOrder;

    /** Seeded categories get the same id everywhere: a name-based UUID of their slug. */
    public static UUID idForSlug(String slug) {
        return UUID.nameUUIDFromBytes(("category:" + slug).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
