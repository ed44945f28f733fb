package com.instainstru.catalog.offering;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An instructor's offering of one catalog service: its rate, lesson lengths and audience. */
@Entity
@Table(name = "instructor_service")
public class Offering extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "instructor_id", nullable = false)
    public UUID instructorId;

    @Column(name = "catalog_service_id", nullable = false)
    public UUID catalogServiceId;

    @Column(name = "hourly_rate", nullable = false)
    public BigDecimal hourlyRate;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "duration_options", nullable = false)
    public Integer[] durationOptions;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] levels;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "age_groups", nullable = false)
    public String[] ageGroups;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "location_types", nullable = false)
    public String[] locationTypes;

    public String description;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
