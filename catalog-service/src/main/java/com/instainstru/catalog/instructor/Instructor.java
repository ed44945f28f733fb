package com.instainstru.catalog.instructor;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An instructor's profile; its id is the user's id from the identity token. */
@Entity
@Table(name = "instructor")
public class Instructor extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    public String bio;

    @Column(name = "years_experience", nullable = false)
    public int yearsExperience;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] areas;

    @Column(name = "teaches_online", nullable = false)
    public boolean teachesOnline;

    @Column(name = "teaches_at_studio", nullable = false)
    public boolean teachesAtStudio;

    @Column(name = "travels_to_student", nullable = false)
    public boolean travelsToStudents;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    public AccountStatus status;

    @Column(name = "status_changed_by", nullable = false)
    public String statusChangedBy;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "status_changed_at", nullable = false)
    public OffsetDateTime statusChangedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
