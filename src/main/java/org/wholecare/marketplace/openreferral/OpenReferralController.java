package org.wholecare.marketplace.openreferral;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wholecare.platform.SourceAddress;
import org.wholecare.platform.Throttle;

/**
 * The Open Referral UK API under one base path, read-only and open to anyone: the paths the
 * standard names, paged as it says (page, per_page). Every bad request gets a plain message saying
 * what to send instead; a filter the feed does not offer is refused rather than ignored, so nobody
 * takes an unfiltered list for a filtered one. Throttled per address.
 */
@RestController
@RequestMapping(path = OpenReferralController.BASE, produces = MediaType.APPLICATION_JSON_VALUE)
class OpenReferralController {

    static final String BASE = "/open-referral";
    static final int DEFAULT_PER_PAGE = 50;
    static final int MOST_PER_PAGE = 100;
    private static final int LONGEST_SEARCH = 100;
    private static final Set<String> PAGING = Set.of("page", "per_page");
    private static final Set<String> SERVICE_FILTERS = Set.of("page", "per_page", "search", "taxonomy_term_id");

    private final OpenReferralFeed feed;
    private final Throttle perAddress;

    OpenReferralController(OpenReferralFeed feed, Clock clock,
            @Value("${wholecare.open-referral.requests-per-minute:120}") int perMinute) {
        this.feed = feed;
        this.perAddress = new Throttle("open-referral", perMinute, Duration.ofMinutes(1), clock);
    }

    @GetMapping({"", "/"})
    ResponseEntity<Object> root(HttpServletRequest request) {
        return answer(request, Set.of(), () -> {
            Map<String, Object> about = new LinkedHashMap<>();
            about.put("version", "3.0");
            about.put("profile", "https://github.com/openreferral/uk-profile");
            about.put("openapi_url", "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/openapi.json");
            return ok(about);
        });
    }

    @GetMapping("/services")
    ResponseEntity<Object> services(HttpServletRequest request) {
        return answer(request, SERVICE_FILTERS, () -> {
            Paging paging = paging(request);
            String search = request.getParameter("search");
            if (search != null && search.strip().length() > LONGEST_SEARCH) {
                return refuse(HttpStatus.BAD_REQUEST, "search can be at most " + LONGEST_SEARCH + " characters.");
            }
            Long kind = null;
            String term = request.getParameter("taxonomy_term_id");
            if (term != null) {
                Optional<Long> number = OpenReferralIds.TAXONOMY_TERM.numberOf(term);
                if (number.isEmpty()) {
                    return refuse(HttpStatus.BAD_REQUEST, "taxonomy_term_id must be the id of one of the terms at "
                            + BASE + "/taxonomy_terms.");
                }
                kind = number.get();
            }
            return ok(feed.services(kind, search == null || search.isBlank() ? null : search.strip(),
                    paging.page(), paging.perPage()).body());
        });
    }

    @GetMapping("/services/{id}")
    ResponseEntity<Object> service(HttpServletRequest request, @PathVariable String id) {
        return answer(request, Set.of(), () -> one(id, OpenReferralIds.SERVICE, "service", "/services",
                feed::service));
    }

    /** Wholecare's services are delivered across postcode districts, not at venues it records: none to list. */
    @GetMapping("/service_at_locations")
    ResponseEntity<Object> servicesAtLocations(HttpServletRequest request) {
        return answer(request, PAGING, () -> {
            Paging paging = paging(request);
            return ok(new OpenReferralFeed.Page(0, paging.page(), paging.perPage(), java.util.List.of()).body());
        });
    }

    @GetMapping("/service_at_locations/{id}")
    ResponseEntity<Object> serviceAtLocation(HttpServletRequest request, @PathVariable String id) {
        return answer(request, Set.of(), () -> refuse(HttpStatus.NOT_FOUND, "Wholecare records no services at "
                + "locations: its services are offered across postcode districts (see service_areas at "
                + BASE + "/services/{id})."));
    }

    @GetMapping("/taxonomies")
    ResponseEntity<Object> taxonomies(HttpServletRequest request) {
        return answer(request, PAGING, () -> {
            Paging paging = paging(request);
            return ok(feed.taxonomies(paging.page(), paging.perPage()).body());
        });
    }

    @GetMapping("/taxonomies/{id}")
    ResponseEntity<Object> taxonomy(HttpServletRequest request, @PathVariable String id) {
        return answer(request, Set.of(), () -> one(id, OpenReferralIds.TAXONOMY, "taxonomy", "/taxonomies",
                n -> n == OpenReferralFeed.TAXONOMY_NUMBER ? Optional.of(feed.taxonomy()) : Optional.empty()));
    }

    @GetMapping("/taxonomy_terms")
    ResponseEntity<Object> taxonomyTerms(HttpServletRequest request) {
        return answer(request, PAGING, () -> {
            Paging paging = paging(request);
            return ok(feed.taxonomyTerms(paging.page(), paging.perPage()).body());
        });
    }

    @GetMapping("/taxonomy_terms/{id}")
    ResponseEntity<Object> taxonomyTerm(HttpServletRequest request, @PathVariable String id) {
        return answer(request, Set.of(), () -> one(id, OpenReferralIds.TAXONOMY_TERM, "taxonomy term",
                "/taxonomy_terms", feed::taxonomyTerm));
    }

    private record Paging(int page, int perPage) {
    }

    /** A bad page number or size: thrown to {@link #answer}, which says what was wrong. */
    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }

    private interface Answer {
        ResponseEntity<Object> get();
    }

    private ResponseEntity<Object> answer(HttpServletRequest request, Set<String> accepted, Answer answer) {
        if (!perAddress.tryAcquire(SourceAddress.of(request.getRemoteAddr()))) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "60")
                    .body(message("Too many requests from your address. Try again in a minute."));
        }
        Set<String> unknown = new TreeSet<>(request.getParameterMap().keySet());
        unknown.removeAll(accepted);
        if (!unknown.isEmpty()) {
            return refuse(HttpStatus.BAD_REQUEST, "This address does not take " + String.join(", ", unknown)
                    + (accepted.isEmpty() ? "; it takes no parameters." : "; it takes only "
                    + String.join(", ", new TreeSet<>(accepted)) + "."));
        }
        try {
            return answer.get();
        } catch (BadRequest bad) {
            return refuse(HttpStatus.BAD_REQUEST, bad.getMessage());
        }
    }

    private static Paging paging(HttpServletRequest request) {
        int page = whole(request.getParameter("page"), "page", 1, 1, Integer.MAX_VALUE / MOST_PER_PAGE);
        int perPage = whole(request.getParameter("per_page"), "per_page", DEFAULT_PER_PAGE, 1, MOST_PER_PAGE);
        return new Paging(page, perPage);
    }

    private static int whole(@Nullable String given, String name, int otherwise, int least, int most) {
        if (given == null) {
            return otherwise;
        }
        String typed = given.strip();
        if (!typed.matches("[0-9]{1,9}") || Integer.parseInt(typed) < least || Integer.parseInt(typed) > most) {
            throw new BadRequest(name + " must be a whole number from " + least + " to " + most + ", for example "
                    + name + "=" + (name.equals("page") ? 2 : DEFAULT_PER_PAGE) + ".");
        }
        return Integer.parseInt(typed);
    }

    private ResponseEntity<Object> one(String id, OpenReferralIds kind, String what, String list,
            java.util.function.Function<Long, Optional<Map<String, Object>>> find) {
        if (!OpenReferralIds.looksLikeAUuid(id)) {
            return refuse(HttpStatus.BAD_REQUEST, "A " + what + " id is a UUID, such as " + kind.of(1) + ". The ids "
                    + "are in the list at " + BASE + list + ".");
        }
        Optional<Map<String, Object>> found = kind.numberOf(id).flatMap(find);
        return found.<ResponseEntity<Object>>map(OpenReferralController::ok).orElseGet(() -> refuse(
                HttpStatus.NOT_FOUND, "There is no published " + what + " " + id.strip() + ". It may have been "
                + "paused or withdrawn; the current ones are at " + BASE + list + "."));
    }

    private static ResponseEntity<Object> ok(Object body) {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                // public data, no cookies: any directory's page may read it
                .header("Access-Control-Allow-Origin", "*").body(body);
    }

    private static ResponseEntity<Object> refuse(HttpStatus status, String text) {
        return ResponseEntity.status(status).header("Access-Control-Allow-Origin", "*").body(message(text));
    }

    private static Map<String, Object> message(String text) {
        return Map.of("message", text);
    }
}
