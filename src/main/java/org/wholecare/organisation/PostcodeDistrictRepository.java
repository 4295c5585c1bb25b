package org.wholecare.organisation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PostcodeDistrictRepository extends JpaRepository<PostcodeDistrict, String> {

    List<PostcodeDistrict> findByAreaIdOrderByCode(Long areaId);
}
