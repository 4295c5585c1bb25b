package org.wholecare.marketplace;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start, remakes the search text of listings stored before the way terms are made last changed
 * (search_terms_version below {@link SearchTerms#VERSION}), a thousand at a time, so they can be found.
 */
@Component
@Order(10)
class SearchTextUpkeep implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SearchTextUpkeep.class);
    private static final int BATCH = 1_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    SearchTextUpkeep(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        int total = 0;
        int done;
        do {
            done = transaction.execute(status -> ProviderService.remakeSearchText(jdbc,
                    "SELECT l.id, l.title, l.description FROM listing l WHERE l.search_terms_version < ? ORDER BY l.id "
                            + "LIMIT " + BATCH, SearchTerms.VERSION));
            total += done;
        } while (done == BATCH);
        if (total > 0) {
            log.info("Made the search text of {} listings again", total);
        }
    }
}
