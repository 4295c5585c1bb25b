package org.wholecare.marketplace.ui;

import org.jspecify.annotations.Nullable;
import org.wholecare.marketplace.Listing;
import org.wholecare.marketplace.ListingInput;
import org.wholecare.marketplace.ListingService;
import org.wholecare.marketplace.ListingStatus;
import org.wholecare.marketplace.ListingUnit;
import org.wholecare.marketplace.ProviderProfile;
import org.wholecare.marketplace.ProviderService;

import org.wholecare.shared.UkTime;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Set;
import org.wholecare.pooling.PoolingService;
import org.wholecare.pooling.ServiceCategory;
import org.wholecare.security.AccountService;
import org.wholecare.security.IssuedInvitation;
import org.wholecare.shared.Money;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;
import org.wholecare.shell.FormErrors;
import org.wholecare.shell.Ui;

/** A provider's own listings: add, change, publish or pause them. */
@Route("provider/listings")
@PageTitle("Your listings – Wholecare")
@Menu(title = "Your listings", order = 10, icon = "vaadin:list")
@RolesAllowed(Roles.PROVIDER)
public class ProviderListingsView extends Main {

    private final ListingService listings;
    private final ProviderService providers;
    private final AccountService accounts;
    private final Div invitation = new Div();
    private ProviderProfile provider;
    private final List<ServiceCategory> categories;
    private @Nullable Select<ServiceCategory> shownCategory;

    ProviderListingsView(ListingService listings, ProviderService providers, PoolingService pooling,
            AccountService accounts) {
        this.accounts = accounts;
        this.listings = listings;
        this.providers = providers;
        this.provider = providers.mine().orElseThrow();
        this.categories = pooling.categories(provider.areaId()).stream().filter(c -> !c.excluded()).toList();
        addClassName("page");
        render(null);
    }

    private void render(@Nullable Listing editing) {
        removeAll();
        add(new H1("Your listings"));
        String status = switch (provider.status()) {
            case VERIFIED -> "Your organisation is verified: published listings can be found by budget holders and brokers.";
            case PENDING -> "A commissioner has not checked your organisation yet. You can prepare listings now; "
                    + "nobody else sees them until your organisation is verified.";
            case REJECTED -> "Your organisation was not approved: " + provider.statusReason();
            case SUSPENDED -> "Your organisation is suspended, so your listings cannot be found: " + provider.statusReason();
        };
        Paragraph statusText = new Paragraph(status);
        statusText.setId("provider-status");
        RouterLink profile = new RouterLink("See your profile as others see it, and reply to reviews",
                ProviderProfileView.class, new RouteParameters("organisationId", String.valueOf(provider.organisationId())));
        profile.setId("own-profile-link");
        add(Ui.card(provider.name(), statusText, new Paragraph(profile)), cqcCard());
        UnorderedList list = new UnorderedList();
        list.addClassName("listing-list");
        for (Listing l : listings.mine()) {
            Button edit = new Button("Change", click -> render(l));
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
            edit.setAriaLabel("Change " + l.title());
            list.add(new ListItem(new Span(l.title() + ": " + Money.format(l.pricePence()) + " per " + l.unit().label()
                    + " (" + l.status().label() + (l.visible() ? ", can be found" : ", not seen by others") + ") "), edit));
        }
        if (list.getChildren().findAny().isEmpty()) {
            list.add(new ListItem("You have no listings yet."));
        }
        add(Ui.card("Listings", list), form(editing), colleagues());
    }

    /** Staff invite their colleagues to the organisation's account: each signs in as themselves. */
    private Component colleagues() {
        TextField fullName = new TextField("Your colleague's full name");
        TextField username = new TextField("A username for them");
        username.setHelperText("They sign in with this. For example sam.jones");
        FormErrors errors = new FormErrors().field("fullName", fullName).field("username", username);
        Button invite = new Button("Invite them", click -> {
            errors.clear();
            invitation.removeAll();
            try {
                IssuedInvitation issued = accounts.inviteColleague(fullName.getValue(), username.getValue());
                var link = org.wholecare.shell.InvitationNotice.link(issued, "colleague-invitation-link");
                invitation.add(new Paragraph(issued.deliveryNote()));
                link.ifPresent(invitation::add);
                invitation.add(new Paragraph("The link works once, until " + issued.expiresText() + "."
                        + (issued.sent() ? "" : " Give it to " + issued.link().fullName() + " to choose a password.")));
                fullName.clear();
                username.clear();
                link.ifPresent(TextField::focus);
            } catch (ValidationException e) {
                errors.show(e);
            }
        });
        var card = Ui.card("Invite a colleague", new Paragraph("Everyone who works on " + provider.name()
                + "'s bookings should sign in as themselves, so the records say who did what."), fullName, username,
                errors.formMessage(), invite, invitation);
        card.addClassName("form");
        return card;
    }

    /** Where a provider adds or corrects its CQC number, as the listing form's advice says. */
    private Component cqcCard() {
        TextField cqc = new TextField("CQC registration number");
        cqc.setValue(provider.cqcNumber() == null ? "" : provider.cqcNumber());
        String needed = kindsNeedingCqc();
        cqc.setHelperText("For example 1-123456789." + (needed.isEmpty() ? "" : " Needed to publish " + needed + ".")
                + " A commissioner checks it on the CQC website.");
        FormErrors errors = new FormErrors().field("cqcNumber", cqc);
        Button save = new Button("Save CQC number", click -> {
            errors.clear();
            try {
                provider = providers.changeCqcNumber(cqc.getValue());
                cqc.setValue(provider.cqcNumber() == null ? "" : provider.cqcNumber());
                Notification.show("Your CQC registration number is saved.", 4000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                // a listing being written below keeps what has been typed
                categoryAdvice(shownCategory);
            } catch (ValidationException e) {
                errors.show(e);
            }
        });
        var card = Ui.card("Your CQC registration", cqc, errors.formMessage(), save);
        card.addClassName("form");
        card.setId("cqc-registration");
        return card;
    }

    private void categoryAdvice(Select<ServiceCategory> category) {
        String needed = kindsNeedingCqc();
        category.setHelperText(provider.cqcNumber() == null && !needed.isEmpty()
                ? "To publish " + needed + ", add your CQC registration number above." : null);
    }

    /** Every price the listing has had: people can see a change was made openly, and bookings keep theirs. */
    private Component priceHistory(Listing editing) {
        UnorderedList changes = new UnorderedList();
        // no unit: an earlier price may have been for another unit
        listings.priceHistory(editing.id()).forEach(c -> changes.add(new ListItem(Money.format(c.pricePence())
                + " from " + UkTime.day(c.changedAt()))));
        Div box = new Div(new Paragraph("Prices so far, newest first. Bookings already made keep the price they were "
                + "made at."), changes);
        box.setId("price-history");
        return box;
    }

    private String kindsNeedingCqc() {
        return String.join(" or ", categories.stream().filter(ServiceCategory::needsCqcRegistration)
                .map(c -> c.name().toLowerCase(java.util.Locale.UK)).toList());
    }

    private Component form(@Nullable Listing editing) {
        return new ListingForm(editing).card();
    }

    /** Adds a listing, or changes one, with every field's problem shown at the field. */
    private final class ListingForm {

        private final @Nullable Listing editing;
        private final Select<ServiceCategory> category = new Select<>();
        private final TextField title = new TextField("Title");
        private final TextArea description = new TextArea("Description");
        private final Select<ListingUnit> unit = new Select<>();
        private final TextField price = new TextField("Price per unit (£)");
        private final CheckboxGroup<String> districts = new CheckboxGroup<>("Postcode districts where you offer this");
        private final CheckboxGroup<String> days = new CheckboxGroup<>("Days available");
        private final TextField times = new TextField("Times (optional)");
        private final TextField languages = new TextField("Languages");
        private final TextField accessibility = new TextField("Accessibility (optional)");
        private final Select<ListingStatus> status = new Select<>();
        private final FormErrors errors;

        ListingForm(@Nullable Listing editing) {
            this.editing = editing;
            category.setLabel("Kind of support");
            category.setItems(categories);
            category.setItemLabelGenerator(ServiceCategory::name);
            category.setPlaceholder("Choose");
            shownCategory = category;
            categoryAdvice(category);
            title.setHelperText("Up to " + ListingService.MAX_TITLE + " characters");
            description.setHelperText("What you do, who does it and what it includes");
            unit.setLabel("Price is per");
            unit.setItems(ListingUnit.values());
            unit.setItemLabelGenerator(ListingUnit::label);
            unit.setValue(ListingUnit.HOUR);
            price.setAllowedCharPattern("[0-9.,£ -]");
            districts.setItems(provider.districts());
            days.setItems(ListingService.DAYS);
            days.setItemLabelGenerator(ListingView.DAY_NAMES::get);
            times.setHelperText("For example 7am to 11am");
            languages.setValue("English");
            languages.setHelperText("Separated by commas, for example English, Polish");
            accessibility.setHelperText("For example step-free access, hearing loop, BSL");
            status.setLabel("Status");
            status.setItems(ListingStatus.values());
            status.setItemLabelGenerator(ListingStatus::label);
            status.setValue(ListingStatus.PUBLISHED);
            if (editing != null) {
                fillFrom(editing);
            }
            errors = new FormErrors().field("category", category).field("title", title)
                    .field("description", description).field("unit", unit).field("price", price)
                    .field("districts", districts).field("days", days).field("times", times)
                    .field("languages", languages).field("accessibility", accessibility).field("status", status);
        }

        private void fillFrom(Listing editing) {
            categories.stream().filter(c -> c.id() == editing.categoryId()).findFirst().ifPresent(category::setValue);
            title.setValue(editing.title());
            description.setValue(editing.description());
            unit.setValue(editing.unit());
            price.setValue(new java.math.BigDecimal(editing.pricePence()).movePointLeft(2).toPlainString());
            districts.setValue(java.util.Set.copyOf(editing.districts()));
            days.setValue(java.util.Set.copyOf(editing.days()));
            times.setValue(editing.times() == null ? "" : editing.times());
            languages.setValue(String.join(", ", editing.languages()));
            accessibility.setValue(editing.accessibility() == null ? "" : editing.accessibility());
            status.setValue(editing.status());
        }

        private void save() {
            errors.clear();
            try {
                long pence = Money.parse(price.getValue(), "price");
                listings.save(editing == null ? null : editing.id(), new ListingInput(
                        category.getValue() == null ? null : category.getValue().id(), title.getValue(),
                        description.getValue(), unit.getValue(), pence, List.copyOf(districts.getValue()),
                        List.copyOf(days.getValue()), times.getValue(), languages.getValue(), accessibility.getValue(),
                        status.getValue()));
                Notification.show("Saved.", 4000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                render(null);
            } catch (ValidationException e) {
                errors.show(e);
            }
        }

        Component card() {
            Button save = new Button(editing == null ? "Add the listing" : "Save changes", click -> save());
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Div buttons = new Div(save);
            if (editing != null) {
                buttons.add(new Button("Cancel", click -> render(null)));
            }
            var card = Ui.card(editing == null ? "Add a listing" : "Change " + editing.title(), category, title,
                    description, unit, price);
            if (editing != null) {
                card.add(priceHistory(editing));
            }
            card.add(districts, days, times, languages, accessibility, status, errors.formMessage(), buttons);
            card.addClassName("form");
            card.setId("listing-form");
            return card;
        }
    }
}
