package org.wholecare.purchase.ui;

import org.wholecare.purchase.Booking;
import org.wholecare.purchase.BookingPreview;
import org.wholecare.purchase.Bookings;
import org.wholecare.purchase.CostChangedException;
import org.wholecare.purchase.Purchase;

import org.wholecare.shared.UkTime;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.wholecare.holder.BudgetHolderService;
import org.wholecare.budget.BudgetService;
import org.wholecare.plan.SupportPlan;
import org.wholecare.plan.SupportPlanService;
import org.wholecare.marketplace.Listing;
import org.wholecare.marketplace.ListingActions;
import org.wholecare.security.CurrentUser;
import org.wholecare.security.Role;
import org.wholecare.shared.Money;
import org.wholecare.shared.ValidationException;
import org.wholecare.shell.ActingFor;
import org.wholecare.shell.FormErrors;
import org.wholecare.shell.Ui;

/** "Book this" on a listing page: for the holder, or for the client a delegate is acting for. */
@Component
class BookingActions implements ListingActions {

    private final Bookings bookings;
    private final BudgetHolderService holders;
    private final SupportPlanService plans;
    private final CurrentUser currentUser;
    private final org.wholecare.consent.ConsentService consent;

    /** The app's clock: what "today" is on this page, so a test that moves it moves the page. */
    private final java.time.Clock clock;

    BookingActions(java.time.Clock clock, Bookings bookings, BudgetHolderService holders, SupportPlanService plans,
            org.wholecare.consent.ConsentService consent, CurrentUser currentUser) {
        this.clock = clock;
        this.consent = consent;
        this.bookings = bookings;
        this.holders = holders;
        this.plans = plans;
        this.currentUser = currentUser;
    }

    /** How the cost is shared, where it is not simply as the area's agreement says. */
    static Paragraph splitNote(String note) {
        Paragraph paragraph = new Paragraph(note);
        paragraph.addClassName("split-note");
        return paragraph;
    }

    private static String whose(Role role) {
        return role == Role.BUDGET_HOLDER ? "your"
                : ActingFor.current().map(c -> c.name() + "'s").orElse("their");
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> actionsFor(Listing listing) {
        Role role = currentUser.require().role();
        Long holderId = role == Role.BUDGET_HOLDER ? holders.mine().map(h -> h.id()).orElse(null)
                : ActingFor.current().map(ActingFor.Client::holderId).orElse(null);
        if (holderId == null || role == Role.PROVIDER || role == Role.COMMISSIONER) {
            return Optional.empty();
        }
        // offered only to someone whose access lets them buy; the service checks again on every call
        if (consent.myScope(holderId).filter(s -> s == org.wholecare.consent.ConsentScope.PURCHASE).isEmpty()) {
            return Optional.empty();
        }
        String whose = role == Role.BUDGET_HOLDER ? "" : " for " + ActingFor.current().map(ActingFor.Client::name)
                .orElse("them");
        return Optional.of(new BookingForm(listing, holderId, role).card("Book this" + whose));
    }

    /**
     * The booking form on one listing: the cost is checked first, and the booking is made at exactly
     * what was shown, or refused; any change to the form asks for a new check.
     */
    private final class BookingForm {

        private final Listing listing;
        private final long holderId;
        private final Role role;
        // a decimal field, so "1.5" reaches the service and gets a message instead of becoming 15
        private final BigDecimalField quantity;
        private final Select<Booking.Frequency> frequency = new Select<>();
        private final IntegerField occurrences = new IntegerField("For how many weeks or months");
        private final DatePicker start = new DatePicker("Starting on");
        private final Select<String> planLine = new Select<>();
        private final Div preview = new Div();
        private final Button confirm = new Button("Confirm the booking");
        private final FormErrors errors;
        /** One key per booking made here: a double click books once, the next booking is new. */
        private String requestKey = UUID.randomUUID().toString();
        /** What the person was last shown; null when nothing bookable is on screen. */
        private @org.jspecify.annotations.Nullable BookingPreview shown;

        BookingForm(Listing listing, long holderId, Role role) {
            this.listing = listing;
            this.holderId = holderId;
            this.role = role;
            quantity = new BigDecimalField("How many " + listing.unit().label() + "s each time");
            quantity.setHelperText("Whole " + listing.unit().label() + "s, up to "
                    + Bookings.maxUnitsPerTime(listing.unit()) + " at a time");
            quantity.setValue(BigDecimal.ONE);
            howOften();
            start.setLocale(Locale.UK);
            start.setMin(UkTime.today(clock));
            planLine.setLabel("Which part of the support plan this is for (optional)");
            planLine.setItems(plans.agreed(holderId).map(p -> p.lines().stream().map(SupportPlan.Line::description)
                    .toList()).orElse(java.util.List.of()));
            planLine.setEmptySelectionAllowed(true);
            planLine.setEmptySelectionCaption("Not part of the plan");
            preview.setId("booking-preview");
            preview.getElement().setAttribute("aria-live", "polite");
            errors = new FormErrors().field("quantity", quantity).field("frequency", frequency)
                    .field("occurrences", occurrences).field("startDate", start).field("planLine", planLine)
                    .field("listing", quantity);
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            confirm.setVisible(false);
            confirm.addClickListener(click -> confirm());
            quantity.addValueChangeListener(e -> changed());
            frequency.addValueChangeListener(e -> changed());
            occurrences.addValueChangeListener(e -> changed());
            start.addValueChangeListener(e -> changed());
            planLine.addValueChangeListener(e -> changed());
        }

        private void howOften() {
            frequency.setLabel("How often");
            frequency.setItems(Booking.Frequency.values());
            frequency.setItemLabelGenerator(f -> switch (f) {
                case ONE_OFF -> "Once";
                case WEEKLY -> "Every week";
                case MONTHLY -> "Every month";
            });
            frequency.setValue(Booking.Frequency.ONE_OFF);
            occurrences.setMin(1);
            occurrences.setMax(Bookings.MAX_OCCURRENCES);
            occurrences.setValue(1);
            occurrences.setVisible(false);
            frequency.addValueChangeListener(e -> occurrences.setVisible(e.getValue() != Booking.Frequency.ONE_OFF));
        }

        com.vaadin.flow.component.Component card(String title) {
            Button check = new Button("Check the cost", click -> check());
            return Ui.card(title, quantity, frequency, occurrences, start, planLine, errors.formMessage(), check,
                    preview, confirm);
        }

        private Booking booking() {
            return new Booking(holderId, listing.id(), quantity.getValue(), frequency.getValue(),
                    occurrences.getValue() == null ? 0 : occurrences.getValue(), start.getValue(),
                    planLine.getValue(), requestKey, null);
        }

        /** What is confirmed must be what was costed. */
        private void changed() {
            shown = null;
            if (confirm.isVisible()) {
                confirm.setVisible(false);
                preview.removeAll();
                preview.add(new Paragraph("You changed the booking. Check the cost again before confirming."));
            }
        }

        private void check() {
            errors.clear();
            preview.removeAll();
            try {
                show(bookings.preview(booking()));
            } catch (ValidationException e) {
                errors.show(e);
                shown = null;
                confirm.setVisible(false);
            }
        }

        private void show(BookingPreview p) {
            preview.removeAll();
            UnorderedList split = new UnorderedList();
            p.split().forEach(s -> split.add(new ListItem(s.stream().label() + ": " + Money.format(s.pence()))));
            preview.add(new Paragraph(p.quantity() + " × " + Money.format(p.unitPricePence()) + " per " + p.unit()
                    + (p.occurrences() > 1 ? ", " + p.occurrences() + " times" : "") + " = "
                    + Money.format(p.totalPence()) + " in all, set aside from " + whose(role) + " budget now:"), split);
            p.splitNotes().forEach(note -> preview.add(splitNote(note)));
            if (!p.canBook()) {
                UnorderedList problems = new UnorderedList();
                p.problems().forEach(problem -> problems.add(new ListItem(problem)));
                preview.add(new Paragraph("This cannot be booked:"), problems);
            }
            shown = p.canBook() ? p : null;
            confirm.setVisible(p.canBook());
        }

        private void confirm() {
            errors.clear();
            try {
                Purchase done = bookings.book(booking(), shown);
                requestKey = UUID.randomUUID().toString();
                shown = null;
                confirm.setVisible(false);
                preview.removeAll();
                preview.add(new Paragraph("Booked: " + Money.format(done.totalPence()) + " is set aside. "
                        + done.providerName() + " will accept or decline it; see Purchases."));
                Notification.show("Booked. " + done.providerName() + " will confirm.", 5000,
                        Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (CostChangedException e) {
                // nothing was set aside: show the cost as it is now, to confirm again or not
                show(e.now());
                errors.show(e);
            } catch (ValidationException e) {
                // refused (the money went to another booking, the service stopped): the old cost
                // and its Confirm button must not stay as if they still held
                refused();
                errors.show(e);
            }
        }

        private void refused() {
            shown = null;
            confirm.setVisible(false);
            preview.removeAll();
            preview.add(new Paragraph("Nothing was booked and no money was set aside. Check the cost again to see "
                    + "what can be booked now."));
        }
    }
}
