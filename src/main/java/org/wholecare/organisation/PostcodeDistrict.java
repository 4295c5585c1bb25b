package org.wholecare.organisation;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The outward part of a postcode, such as "NB4": the unit areas and listings are matched on. */
@Entity
@Table(name = "postcode_district")
class PostcodeDistrict {

    @Id
    private String code;

    private Long areaId;

    protected PostcodeDistrict() {
    }

    PostcodeDistrict(String code, Long areaId) {
        this.code = code;
        this.areaId = areaId;
    }

    String getCode() {
        return code;
    }

    Long getAreaId() {
        return areaId;
    }
}
