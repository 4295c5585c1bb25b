package org.wholecare.organisation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "organisation")
class Organisation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private String name;

    @Enumerated(EnumType.STRING)
    private OrganisationType type;

    private Long areaId;

    private Instant createdAt;

    protected Organisation() {
    }

    Organisation(String name, OrganisationType type, Long areaId, Instant createdAt) {
        this.name = name;
        this.type = type;
        this.areaId = areaId;
        this.createdAt = createdAt;
    }

    @Nullable Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    OrganisationType getType() {
        return type;
    }

    Long getAreaId() {
        return areaId;
    }
}
