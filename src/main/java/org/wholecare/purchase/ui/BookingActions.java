package org.wholecare.purchase.ui;

import org.wholecare.purchase.Booking;
import org.wholecare.purchase.BookingPreview;
import org.wholecare.purchase.Bookings;
import org.wholecare.purchase.CostChangedException;
import org.wholecare.purchase.Purchase;
import org.wholecare.purchase.ui.BookingActions;

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
        long forHolder = holderId;
        // one key per booking made here: a double click books once, the next booking is new
        String[] requestKey = {UUID.randomUUID().toString()};
        // a decimal field, so "1.5" reaches the service and gets a message instead of becoming 15
        BigDecimalField quantity = new BigDecimalField("How many " + listing.unit().label() + "s each time");
        quantity.setHelperText("Whole " + listing.unit().label() + "s, up to "
                + Bookings.maxUnitsPerTime(listing.unit()) + " at a time");
        quantity.setValue(BigDecimal.ONE);
        Select<Booking.Frequency> frequency = new Select<>();
        frequency.setLabel("How often");
        frequency.setItems(Booking.Frequency.values());
        frequency.setItemLabelGenerator(f -> switch (f) {
            case ONE_OFF -> "Once";
            case WEEKLY -> "Every week";
            case MONTHLY -> "Every month";
        });
        frequency.setValue(Booking.Frequency.ONE_OFF);
        IntegerField occurrences = new IntegerField("For how many weeks or months");
        occurrences.setMin(1);
        occurrences.setMax(Bookings.MAX_OCCURRENCES);
        occurrences.setValue(1);
        occurrences.setVisible(false);
        frequency.addValueChangeListener(e -> occurrences.setVisible(e.getValue() != Booking.Frequency.ONE_OFF));
        DatePicker start = new DatePicker("Starting on");
        start.setLocale(Locale.UK);
        start.setMin(UkTime.today(clock));
        Select<String> planLine = new Select<>();
        planLine.setLabel("Which part of the support plan this is for (optional)");
        planLine.setItems(plans.agreed(forHolder).map(p -> p.lines().stream().map(SupportPlan.Line::description)
                .toList()).orElse(java.util.List.of()));
        planLine.setEmptySelectionAllowed(true);
        planLine.setEmptySelectionCaption("Not part of the plan");
        Div preview = new Div();
        preview.setId("booking-preview");
        preview.getElement().setAttribute("aria-live", "polite");
        FormErrors errors = new FormErrors().field("quantity", quantity).field("frequency", frequency)
                .field("occurrences", occurrences).field("startDate", start).field("planLine", planLine)
                .field("listing", quantity);
        Button confirm = new Button("Confirm the booking");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setVisible(false);
        java.util.function.Supplier<Booking> booking = () -> new Booking(forHolder, listing.id(),
                quantity.getValue(), frequency.getValue(),
                occurrences.getValue() == null ? 0 : occurrences.getValue(), start.getValue(), planLine.getValue(),
                requestKey[0], null);
        // what the person was last shown: the booking is made at exactly this, or refused
        BookingPreview[] shown = {null};
        // what is confirmed must be what was costed: any change asks for a new check first
        Runnable changed = () -> {
            shown[0] = null;
            if (confirm.isVisible()) {
                confirm.setVisible(false);
                preview.removeAll();
                preview.add(new Paragraph("You changed the booking. Check the cost again before confirming."));
            }
        };
        quantity.addValueChangeListener(e -> changed.run());
        frequency.addValueChangeListener(e -> changed.run());
        occurrences.addValueChangeListener(e -> changed.run());
        start.addValueChangeListener(e -> changed.run());
        planLine.addValueChangeListener(e -> changed.run());
        java.util.function.Consumer<BookingPreview> show = p -> {
            preview.removeAll();
            UnorderedList split = new UnorderedList();
            p.split().forEach(s -> split.add(new ListItem(s.stream().label() + ": " + Money.format(s.pence()))));
            preview.add(new Paragraph(p.quantity() + " × " + Money.format(p.unitPricePence()) + " per " + p.unit()
                    + (p.occurrences() > 1 ? ", " + p.occurrences() + " times" : "") + " = "
                    + Money.format(p.totalPence()) + " in all, set aside from " + whose(role) + " budget now:"), split);
            if (!p.canBook()) {
                UnorderedList problems = new UnorderedList();
                p.problems().forEach(problem -> problems.add(new ListItem(problem)));
                preview.add(new Paragraph("This cannot be booked:"), problems);
            }
            shown[0] = p.canBook() ? p : null;
            confirm.setVisible(p.canBook());
        };
        Button check = new Button("Check the cost", click -> {
            errors.clear();
            preview.removeAll();
            try {
                show.accept(bookings.preview(booking.get()));
            } catch (ValidationException e) {
                errors.show(e);
                shown[0] = null;
                confirm.setVisible(false);
            }
        });
        confirm.addClickListener(click -> {
            errors.clear();
            try {
                Purchase done = bookings.book(booking.get(), shown[0]);
                requestKey[0] = UUID.randomUUID().toString();
                shown[0] = null;
                confirm.setVisible(false);
                preview.removeAll();
                preview.add(new Paragraph("Booked: " + Money.format(done.totalPence()) + " is set aside. "
                        + done.providerName() + " will accept or decline it; see Purchases."));
                Notification.show("Booked. " + done.providerName() + " will confirm.", 5000,
                        Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (CostChangedException e) {
                // nothing was set aside: show the cost as it is now, to confirm again or not
                show.accept(e.now());
                errors.show(e);
            } catch (ValidationException e) {
                errors.show(e);
            }
        });
        String whose = role == Role.BUDGET_HOLDER ? "" : " for " + ActingFor.current().map(ActingFor.Client::name)
                .orElse("them");
        return Optional.of(Ui.card("Book this" + whose, quantity, frequency, occurrences, start, planLine,
                errors.formMessage(), check, preview, confirm));
    }
}
