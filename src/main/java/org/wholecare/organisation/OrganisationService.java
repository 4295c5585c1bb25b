package org.wholecare.organisation;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;

/** Areas and the organisations that work in them. Only administrators change them. */
@Service
@Transactional(readOnly = true)
public class OrganisationService {

    /** The outward part of a UK postcode: "NB4", "SW1A", "M1". */
    private static final Pattern POSTCODE_DISTRICT = Pattern.compile("^[A-Z]{1,2}[0-9][0-9A-Z]?$");
    public static final int MAX_NAME_LENGTH = 200;

    private final AreaRepository areas;
    private final PostcodeDistrictRepository districts;
    private final OrganisationRepository organisations;
    private final Clock clock;

    OrganisationService(AreaRepository areas, PostcodeDistrictRepository districts,
            OrganisationRepository organisations, Clock clock) {
        this.areas = areas;
        this.districts = districts;
        this.organisations = organisations;
        this.clock = clock;
    }

    @PreAuthorize("isAuthenticated()")
    public List<AreaSummary> areas() {
        return areas.findAll().stream()
                .map(this::summary)
                .sorted((a, b) -> a.name().compareToIgnoreCase(b.name()))
                .toList();
    }

    @PreAuthorize("isAuthenticated()")
    public Optional<AreaSummary> area(long areaId) {
        return areas.findById(areaId).map(this::summary);
    }

    @PreAuthorize("isAuthenticated()")
    public boolean isDistrictInArea(String postcodeDistrict, long areaId) {
        return districts.findById(normaliseDistrict(postcodeDistrict))
                .map(d -> d.getAreaId() == areaId)
                .orElse(false);
    }

    /** How many adults live in the area, if an administrator has recorded it. Public: it is an official figure. */
    @PermitAll
    public Optional<Integer> adultPopulation(long areaId) {
        return areas.findById(areaId).map(Area::getAdultPopulation);
    }

    /** An administrator records the area's adult population (the latest official estimate). */
    @RolesAllowed(Roles.ADMINISTRATOR)
    @Transactional
    public void recordAdultPopulation(long areaId, @Nullable Integer adults) {
        if (adults == null || adults < 1 || adults > 20_000_000) {
            throw ValidationException.of("adultPopulation", "Enter the number of adults who live in the area, "
                    + "from the latest official estimate: a whole number from 1 to 20,000,000.");
        }
        Area area = areas.findById(areaId).orElseThrow(() -> ValidationException.of("area", "Choose an area."));
        area.setAdultPopulation(adults);
        areas.save(area);
    }

    @RolesAllowed(Roles.ADMINISTRATOR)
    @Transactional
    public AreaSummary createArea(@Nullable String name, @Nullable String postcodeDistricts) {
        var errors = new ValidationException.Collector();
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            errors.add("name", "Enter the area's name, for example Northbrook.");
        } else if (trimmed.length() > 100) {
            errors.add("name", "The area's name must be 100 characters or fewer.");
        } else if (areas.findByNameIgnoreCase(trimmed).isPresent()) {
            errors.add("name", "There is already an area called " + trimmed + ".");
        }
        Set<String> codes = new LinkedHashSet<>();
        if (postcodeDistricts == null || postcodeDistricts.isBlank()) {
            errors.add("postcodeDistricts", "Enter at least one postcode district, for example NB1, NB2.");
        } else {
            for (String raw : postcodeDistricts.split("[,\\s]+")) {
                if (raw.isBlank()) {
                    continue;
                }
                String code = normaliseDistrict(raw);
                if (!POSTCODE_DISTRICT.matcher(code).matches()) {
                    errors.add("postcodeDistricts", "\"" + raw.strip() + "\" is not a postcode district. "
                            + "Use the first part of a postcode, such as NB4.");
                } else if (districts.existsById(code)) {
                    errors.add("postcodeDistricts", code + " already belongs to another area.");
                }
                codes.add(code);
            }
        }
        errors.throwIfAny();
        Area area = areas.save(new Area(trimmed, clock.instant()));
        codes.forEach(code -> districts.save(new PostcodeDistrict(code, area.getId())));
        return new AreaSummary(area.getId(), area.getName(), List.copyOf(codes));
    }

    @RolesAllowed(Roles.ADMINISTRATOR)
    public List<OrganisationSummary> organisations() {
        Map<Long, String> areaNames = areaNames();
        return organisations.findAllByOrderByName().stream()
                .map(o -> summary(o, areaNames))
                .toList();
    }

    /** For the public provider registration, which has just created the organisation in the same transaction. */
    @PermitAll
    public Optional<OrganisationSummary> findForRegistration(long organisationId) {
        return organisations.findById(organisationId).filter(o -> o.getType() == OrganisationType.PROVIDER)
                .map(o -> summary(o, areaNames()));
    }

    /** Areas are public: the provider registration page offers them. */
    @PermitAll
    public List<AreaSummary> areasForRegistration() {
        return areas.findAll().stream().map(this::summary)
                .sorted((a, b) -> a.name().compareToIgnoreCase(b.name())).toList();
    }

    /** The organisations working in an area, for choosing one (a brokerage, a provider). */
    @PreAuthorize("isAuthenticated()")
    public List<OrganisationSummary> organisationsInArea(long areaId) {
        Map<Long, String> areaNames = areaNames();
        return organisations.findAllByOrderByName().stream()
                .filter(o -> o.getAreaId() == areaId)
                .map(o -> summary(o, areaNames))
                .toList();
    }

    /** Organisation names are public (they appear on listings and proposals), so any signed-in user may look one up. */
    @PreAuthorize("isAuthenticated()")
    public Optional<OrganisationSummary> organisation(long organisationId) {
        return organisations.findById(organisationId).map(o -> summary(o, areaNames()));
    }

    @RolesAllowed(Roles.ADMINISTRATOR)
    @Transactional
    public OrganisationSummary createOrganisation(@Nullable String name, @Nullable OrganisationType type,
            @Nullable Long areaId) {
        return create(name, type, areaId);
    }

    /**
     * A provider registering itself from the public registration page: the only kind of
     * organisation anyone may create without signing in. It stays unverified until a commissioner checks it.
     */
    @PermitAll
    @Transactional
    public OrganisationSummary registerProvider(@Nullable String name, @Nullable Long areaId) {
        return create(name, OrganisationType.PROVIDER, areaId);
    }

    private OrganisationSummary create(@Nullable String name, @Nullable OrganisationType type, @Nullable Long areaId) {
        var errors = new ValidationException.Collector();
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            errors.add("name", "Enter the organisation's name.");
        } else if (trimmed.length() > MAX_NAME_LENGTH) {
            errors.add("name", "The name must be " + MAX_NAME_LENGTH + " characters or fewer.");
        } else if (organisations.existsByNameIgnoreCase(trimmed)) {
            errors.add("name", "There is already an organisation called " + trimmed + ".");
        }
        if (type == null) {
            errors.add("type", "Choose what kind of organisation this is.");
        }
        if (areaId == null || !areas.existsById(areaId)) {
            errors.add("area", "Choose the area the organisation works in.");
        }
        errors.throwIfAny();
        Organisation saved = organisations.save(new Organisation(trimmed, type, areaId, clock.instant()));
        return summary(saved, areaNames());
    }

    @RolesAllowed({Roles.ADMINISTRATOR, Roles.COMMISSIONER})
    public Map<OrganisationType, Long> countByTypeInArea(long areaId) {
        Map<OrganisationType, Long> counts = new EnumMap<>(OrganisationType.class);
        Arrays.stream(OrganisationType.values())
                .forEach(t -> counts.put(t, organisations.countByAreaIdAndType(areaId, t)));
        return counts;
    }

    @RolesAllowed(Roles.ADMINISTRATOR)
    public Map<OrganisationType, Long> countByType() {
        Map<OrganisationType, Long> counts = new EnumMap<>(OrganisationType.class);
        Arrays.stream(OrganisationType.values()).forEach(t -> counts.put(t, organisations.countByType(t)));
        return counts;
    }

    public static String normaliseDistrict(@Nullable String raw) {
        return raw == null ? "" : raw.strip().toUpperCase(Locale.UK);
    }

    private Map<Long, String> areaNames() {
        return areas.findAll().stream()
                .collect(java.util.stream.Collectors.toMap(Area::getId, Area::getName));
    }

    private AreaSummary summary(Area area) {
        return new AreaSummary(area.getId(), area.getName(),
                districts.findByAreaIdOrderByCode(area.getId()).stream().map(PostcodeDistrict::getCode).toList());
    }

    private static OrganisationSummary summary(Organisation o, Map<Long, String> areaNames) {
        return new OrganisationSummary(o.getId(), o.getName(), o.getType(), o.getAreaId(),
                areaNames.getOrDefault(o.getAreaId(), ""));
    }
}
