package org.wholecare.organisation;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "area")
class Area {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private String name;

    private Instant createdAt;

    private @Nullable Integer adultPopulation;

    protected Area() {
    }

    Area(String name, Instant createdAt) {
        this.name = name;
        this.createdAt = createdAt;
    }

    @Nullable Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    @Nullable Integer getAdultPopulation() {
        return adultPopulation;
    }

    void setAdultPopulation(@Nullable Integer adultPopulation) {
        this.adultPopulation = adultPopulation;
    }
}
