package org.wholecare.organisation;

import static org.wholecare.TestArea.areaId;

import static org.wholecare.TestArea.HOME_CARE_NAME;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.wholecare.IntegrationTest;
import org.wholecare.shared.ValidationException;

@IntegrationTest
@WithMockUser(roles = "ADMINISTRATOR")
class OrganisationServiceIT {

    @Autowired org.wholecare.security.ActingAs actingAs;

    /** Testford's id, read once before each test (never inside a lambda that expects a refusal). */
    private long area;

    @org.junit.jupiter.api.BeforeEach
    void findTheTestArea() {
        area = areaId(actingAs);
    }

    @Autowired OrganisationService organisations;
    @Autowired OrganisationRepository repository;
    @Autowired PostcodeDistrictRepository districts;

    @Test
    void anAdministratorAddsAnAreaAndAnOrganisationInIt() {
        AreaSummary area = organisations.createArea("Eastmere", "em1, EM2 EM3");
        assertThat(area.postcodeDistricts()).containsExactly("EM1", "EM2", "EM3");
        OrganisationSummary org = organisations.createOrganisation("  Eastmere Carers Trust ",
                OrganisationType.BROKERAGE, area.id());
        assertThat(org.name()).isEqualTo("Eastmere Carers Trust");
        assertThat(org.areaName()).isEqualTo("Eastmere");
        assertThat(organisations.isDistrictInArea("em2", area.id())).isTrue();
        assertThat(organisations.isDistrictInArea("TF4", area.id())).isFalse();
    }

    @Test
    void anAdministratorRecordsAnAreasAdultsAndANumberThatCannotBeIsRefusedAtItsField() {
        AreaSummary area = organisations.createArea("Northmere", "NM1");
        assertThat(organisations.adultPopulation(area.id())).isEmpty();
        for (Integer bad : new Integer[] {null, 0, -5, 20_000_001}) {
            assertThatThrownBy(() -> organisations.recordAdultPopulation(area.id(), bad)).as(String.valueOf(bad))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                            .containsOnlyKeys("adultPopulation"));
        }
        assertThat(organisations.adultPopulation(area.id())).isEmpty();
        organisations.recordAdultPopulation(area.id(), 98_500);
        assertThat(organisations.adultPopulation(area.id())).contains(98_500);
        assertThatThrownBy(() -> actingAs.run(org.wholecare.TestArea.COMMISSIONER,
                () -> { organisations.recordAdultPopulation(area.id(), 1); return null; }))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void badAreasAndOrganisationsAreRefusedAndNothingIsSaved() {
        long organisationsBefore = repository.count();
        long districtsBefore = districts.count();

        assertThatThrownBy(() -> organisations.createArea("Westford", "WF1, not-a-district, TF4"))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.fieldErrors().get("postcodeDistricts")).contains("not-a-district"));
        assertThatThrownBy(() -> organisations.createArea("testford", "XX1"))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.fieldErrors()).containsOnlyKeys("name"));
        assertThatThrownBy(() -> organisations.createOrganisation(HOME_CARE_NAME, OrganisationType.PROVIDER, area))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.fieldErrors().get("name")).contains("already"));
        assertThatThrownBy(() -> organisations.createOrganisation("", null, 999_999L))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.fieldErrors()).containsOnlyKeys("name", "type", "area"));
        assertThatThrownBy(() -> organisations.createOrganisation("y".repeat(201), OrganisationType.PROVIDER, area))
                .isInstanceOf(ValidationException.class);

        assertThat(repository.count()).isEqualTo(organisationsBefore);
        assertThat(districts.count()).isEqualTo(districtsBefore);
    }
}
