package org.wholecare.organisation;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AreaRepository extends JpaRepository<Area, Long> {

    Optional<Area> findByNameIgnoreCase(String name);
}
