package org.wholecare.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.wholecare.organisation.AreaSummary;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.organisation.OrganisationSummary;
import org.wholecare.organisation.OrganisationType;
import org.wholecare.security.AccountService;
import org.wholecare.security.AccountSummary;
import org.wholecare.security.NewAccount;
import org.wholecare.security.Role;
import org.wholecare.security.SystemActor;

/**
 * A fictional area, Northbrook, with one council, one NHS board, a brokerage, a provider and a
 * demo user for every role. Loaded once, into an empty database, through the same services a
 * person would use.
 */
@Component
@ConditionalOnProperty(name = "wholecare.demo-data.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "wholecare-demo";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final OrganisationService organisations;
    private final AccountService accounts;
    private final TransactionTemplate transaction;

    DemoData(OrganisationService organisations, AccountService accounts, TransactionTemplate transaction) {
        this.organisations = organisations;
        this.accounts = accounts;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        SystemActor.asAdministrator(() -> transaction.execute(status -> {
            if (!organisations.areas().isEmpty()) {
                return null;
            }
            load();
            return null;
        }));
    }

    private void load() {
        AreaSummary northbrook = organisations.createArea("Northbrook", "NB1, NB2, NB3, NB4, NB5, NB6, NB7, NB8, NB9");
        OrganisationSummary council = organisations.createOrganisation("Northbrook Council",
                OrganisationType.COUNCIL, northbrook.id());
        OrganisationSummary icb = organisations.createOrganisation("NHS Northbrook Integrated Care Board",
                OrganisationType.NHS_BOARD, northbrook.id());
        OrganisationSummary brokerage = organisations.createOrganisation("Northbrook Independent Living",
                OrganisationType.BROKERAGE, northbrook.id());
        OrganisationSummary provider = organisations.createOrganisation("Riverside Home Care",
                OrganisationType.PROVIDER, northbrook.id());

        person("Sam Taylor", "holder", Role.BUDGET_HOLDER, null, northbrook.id(), "NB4");
        person("Jo Taylor", "carer", Role.REPRESENTATIVE, null, northbrook.id(), "NB4");
        person("Priya Shah", "broker", Role.BROKER, brokerage.id(), null, null);
        person("Mark Owens", "provider", Role.PROVIDER, provider.id(), null, null);
        person("Nadia Okafor", "commissioner", Role.COMMISSIONER, icb.id(), null, null);
        person("Tom Reid", "council", Role.COMMISSIONER, council.id(), null, null);
        person("Morgan Lee", "admin", Role.ADMINISTRATOR, null, null, null);
        log.info("Loaded demo data for Northbrook: every demo user's password is '{}'", PASSWORD);
    }

    private void person(String name, String username, Role role, Long organisationId, Long areaId, String district) {
        AccountSummary account = accounts.createAccount(
                new NewAccount(name, username, role, organisationId, areaId, district));
        String url = accounts.issueInvitation(account.id()).link().url();
        String token = url.substring(url.lastIndexOf('/') + 1);
        accounts.acceptInvitation(token, PASSWORD, PASSWORD);
    }
}
