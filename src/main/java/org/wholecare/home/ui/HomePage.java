package org.wholecare.home.ui;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import java.util.ArrayList;
import java.util.List;
import org.wholecare.organisation.AreaSummary;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.organisation.OrganisationSummary;
import org.wholecare.security.CurrentUser;
import org.wholecare.security.SignedInUser;
import org.wholecare.shell.Ui;

/** What every role's home shares: a greeting and who the person is, from their own records. */
abstract class HomePage extends Main {

    protected final SignedInUser user;
    protected final @Nullable OrganisationSummary organisation;
    protected final @Nullable AreaSummary area;

    HomePage(CurrentUser currentUser, OrganisationService organisations, String purpose) {
        this.user = currentUser.require();
        this.organisation = user.organisationId() == null ? null
                : organisations.organisation(user.organisationId()).orElse(null);
        Long areaId = organisation != null ? Long.valueOf(organisation.areaId()) : user.areaId();
        this.area = areaId == null ? null : organisations.area(areaId).orElse(null);
        addClassName("page");
        add(new H1("Hello, " + user.fullName()), new Paragraph(purpose));
        account = Ui.card("Your account", Ui.facts(aboutYou().toArray(String[]::new)));
        account.addClassName("your-account");
    }

    private final com.vaadin.flow.component.html.Section account;

    /**
     * What matters now (money, bookings, people) comes first, added by each role's page; who the
     * person is signed in as goes last, once the page is complete.
     */
    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (account.getParent().isEmpty()) {
            add(account);
        }
    }

    private List<String> aboutYou() {
        List<String> facts = new ArrayList<>(List.of("Name", user.fullName(), "Username", user.getUsername(),
                "Role", user.role().label()));
        if (organisation != null) {
            facts.addAll(List.of("Organisation", organisation.name(), "Kind of organisation",
                    organisation.type().label()));
        }
        if (area != null) {
            facts.addAll(List.of("Area", area.name()));
        }
        if (user.postcodeDistrict() != null) {
            facts.addAll(List.of("Postcode district", user.postcodeDistrict()));
        }
        return facts;
    }
}
