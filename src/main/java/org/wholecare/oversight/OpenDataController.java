package org.wholecare.oversight;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wholecare.holder.BudgetManagement;
import org.wholecare.ledger.FundingStream;
import org.wholecare.platform.SourceAddress;
import org.wholecare.platform.Throttle;

/**
 * The public figures as open data, at stable addresses, for anyone: exactly what was last worked
 * out and kept (never live budgets), with the licence and the time worked out in every answer.
 * Throttled per address; a bad area number gets a plain message, never an error page.
 */
@RestController
class OpenDataController {

    static final String JSON_PATH = "/open-data/areas.json";
    static final String CSV_PATH = "/open-data/areas.csv";

    private final PublicFigures figures;
    private final Throttle perAddress;

    OpenDataController(PublicFigures figures, Clock clock) {
        this.figures = figures;
        this.perAddress = new Throttle("open-data", 60, Duration.ofMinutes(1), clock);
    }

    @GetMapping(path = JSON_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> json(HttpServletRequest request, @RequestParam(name = "area", required = false)
            @Nullable String area) {
        if (!perAddress.tryAcquire(SourceAddress.of(request.getRemoteAddr()))) {
            return tooMany();
        }
        if (area == null) {
            // exactly as kept: nothing to read apart and write again
            return ok(figures.latestAsJson().orElse(notYetJson()), MediaType.APPLICATION_JSON);
        }
        Optional<PublicFigures.Document> latest = figures.latest();
        Optional<ResponseEntity<String>> refused = badArea(area, latest);
        if (refused.isPresent()) {
            return refused.get();
        }
        PublicFigures.Document d = latest.orElseThrow();
        PublicFigures.Document one = new PublicFigures.Document(d.periodCode(), d.periodLabel(), d.workedOutAt(),
                d.licence(), d.areas().stream().filter(a -> Long.toString(a.areaId()).equals(area.strip())).toList(),
                d.allAreas());
        return ok(figures.asJson(one), MediaType.APPLICATION_JSON);
    }

    @GetMapping(path = CSV_PATH, produces = "text/csv")
    ResponseEntity<String> csv(HttpServletRequest request, @RequestParam(name = "area", required = false)
            @Nullable String area) {
        MediaType csv = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
        if (!perAddress.tryAcquire(SourceAddress.of(request.getRemoteAddr()))) {
            return tooMany();
        }
        Optional<PublicFigures.Document> latest = figures.latest();
        Optional<ResponseEntity<String>> refused = area == null ? Optional.empty() : badArea(area, latest);
        if (refused.isPresent()) {
            return refused.get();
        }
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("area_id", "area", "adult_population", "people_with_a_budget",
                "per_10000_adults"));
        for (BudgetManagement m : BudgetManagement.values()) {
            header.add(m.name().toLowerCase(java.util.Locale.UK));
        }
        for (FundingStream s : FundingStream.values()) {
            header.add("spent_per_person_pence_" + s.name().toLowerCase(java.util.Locale.UK));
        }
        header.addAll(List.of("plan_reviews_due", "plan_reviews_on_time_percent", "verified_providers", "period",
                "worked_out_at", "licence"));
        out.append(String.join(",", header)).append("\r\n");
        latest.ifPresent(d -> {
            List<PublicFigures.Area> rows = new ArrayList<>(d.areas());
            if (area == null) {
                rows.add(d.allAreas());
            } else {
                rows.removeIf(a -> !Long.toString(a.areaId()).equals(area.strip()));
            }
            for (PublicFigures.Area a : rows) {
                List<String> cells = new ArrayList<>(List.of(Long.toString(a.areaId()), a.name(),
                        a.adultPopulation() == null ? "" : a.adultPopulation().toString(), a.people().words(),
                        a.perTenThousandAdults() == null ? "" : a.perTenThousandAdults().toString()));
                for (BudgetManagement m : BudgetManagement.values()) {
                    var count = a.byModel().get(m.label());
                    cells.add(count == null ? "" : count.words());
                }
                for (FundingStream s : FundingStream.values()) {
                    Long pence = a.spendPerPersonPence().get(s.label());
                    cells.add(pence == null ? "" : pence.toString());
                }
                cells.addAll(List.of(a.reviewsDue().words(), a.reviewedOnTimePercent() == null ? ""
                        : a.reviewedOnTimePercent().toString(), Long.toString(a.verifiedProviders()), d.periodCode(),
                        d.workedOutAt().toString(), d.licence()));
                out.append(String.join(",", cells.stream().map(OpenDataController::field).toList())).append("\r\n");
            }
        });
        return ok(out.toString(), csv);
    }

    private static ResponseEntity<String> tooMany() {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "60")
                .contentType(MediaType.TEXT_PLAIN).body("Too many requests from your address. Try again in a minute.");
    }

    /** An area number that is not one, or names no area of the figures read for this request: said plainly. */
    private static Optional<ResponseEntity<String>> badArea(String area, Optional<PublicFigures.Document> latest) {
        String id = area.strip();
        if (!id.matches("[0-9]{1,18}")) {
            return Optional.of(ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN)
                    .body("The area must be given by its number, for example ?area=1. The numbers are in the "
                            + "area_id column of " + CSV_PATH + "."));
        }
        boolean known = latest.map(d -> d.areas().stream().anyMatch(a -> Long.toString(a.areaId()).equals(id)))
                .orElse(false);
        if (!known) {
            return Optional.of(ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                    .body("There is no area " + id + " on Wholecare. The numbers are in the area_id column of "
                            + CSV_PATH + "."));
        }
        return Optional.empty();
    }

    private static ResponseEntity<String> ok(String body, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()).body(body);
    }

    private static String notYetJson() {
        return "{\"message\":\"The figures have not been worked out yet.\"}";
    }

    /** A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
    static String field(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
