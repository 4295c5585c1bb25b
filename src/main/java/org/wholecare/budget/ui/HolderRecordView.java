package org.wholecare.budget.ui;

import org.jspecify.annotations.Nullable;
import org.wholecare.budget.AllocationChange;
import org.wholecare.budget.BudgetOverview;
import org.wholecare.budget.BudgetService;
import org.wholecare.budget.BudgetSummary;
import org.wholecare.budget.NewBudget;

import org.wholecare.holder.BudgetHolderService;
import org.wholecare.plan.SupportPlanService;
import org.wholecare.shell.InvitationNotice;
import org.wholecare.holder.BudgetManagement;
import org.wholecare.consent.ConsentService;
import org.wholecare.holder.HolderSummary;
import org.wholecare.consent.ConsentGrant;
import org.wholecare.consent.ConsentKind;
import org.wholecare.plan.ui.PlanDisplay;

import org.wholecare.consent.ConsentChanges;
import org.wholecare.shared.UkTime;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.wholecare.ledger.FundingStream;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.organisation.OrganisationSummary;
import org.wholecare.organisation.OrganisationType;
import org.wholecare.shared.Money;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;
import org.wholecare.shell.DataTable;
import org.wholecare.shell.FormErrors;
import org.wholecare.shell.RouteIds;
import org.wholecare.shell.Ui;

/** A commissioner's view of one budget holder: set up their budget, see it, and change allocations. */
@Route("commissioner/holders/:holderId")
@PageTitle("Budget holder – Wholecare")
@RolesAllowed(Roles.COMMISSIONER)
public class HolderRecordView extends Main implements BeforeEnterObserver {


    private final BudgetHolderService holders;
    private final BudgetService budgets;
    private final OrganisationService organisations;
    private final SupportPlanService plans;
    private final ConsentService consent;
    private final ConsentChanges consentChanges;
    private @Nullable HolderSummary holder;

    /** The app's clock: what "today" is on this page, so a test that moves it moves the page. */
    private final java.time.Clock clock;

    private final org.wholecare.plan.PlanLineSpending spending;
    private final org.wholecare.budget.ContinuingHealthcare continuingHealthcare;

    HolderRecordView(java.time.Clock clock, BudgetHolderService holders, BudgetService budgets, OrganisationService organisations,
            SupportPlanService plans, ConsentService consent, ConsentChanges consentChanges,
            org.wholecare.plan.PlanLineSpending spending, org.wholecare.budget.ContinuingHealthcare continuingHealthcare) {
        this.continuingHealthcare = continuingHealthcare;
        this.clock = clock;
        this.spending = spending;
        this.consent = consent;
        this.consentChanges = consentChanges;
        this.holders = holders;
        this.budgets = budgets;
        this.organisations = organisations;
        this.plans = plans;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var read = RouteIds.read(event, "holderId");
        if (read.isEmpty()) {
            return;
        }
        long id = read.getAsLong();
        holder = holders.holder(id);
        render();
    }

    private void render() {
        removeAll();
        add(new H1(holder.fullName()));
        add(Ui.card("About " + holder.fullName(), Ui.facts(
                "Date of birth", UkTime.day(holder.dateOfBirth()),
                "NHS number", holder.nhsNumberForDisplay(),
                "Postcode district", holder.postcodeDistrict())));
        add(consentCard());
        add(supportPlan());
        var budget = budgets.currentBudget(holder.id());
        if (budget.isEmpty()) {
            add(createBudgetForm());
            return;
        }
        BudgetOverview overview = budgets.overview(budget.get().id());
        BudgetFigures.render(overview, BudgetFigures.firstName(holder.fullName())).forEach(this::add);
        add(ContinuingHealthcareCard.of(continuingHealthcare, budget.get().id(),
                BudgetFigures.firstName(holder.fullName()), this::render));
        add(adjustForm(budget.get()));
        add(history(budget.get()));
    }

    /** Who may act for the person, and the commissioner's part: recording deputies and attorneys. */
    private Component consentCard() {
        com.vaadin.flow.component.html.UnorderedList list = new com.vaadin.flow.component.html.UnorderedList();
        LocalDate today = UkTime.today(clock);
        for (ConsentGrant g : consent.grants(holder.id())) {
            if (!g.activeOn(today)) {
                continue;
            }
            var item = new com.vaadin.flow.component.html.ListItem(g.granteeName() + " (" + g.kind().label()
                    + (g.documentReference() == null ? "" : ", " + g.documentReference()) + "): may "
                    + g.scope().allows() + (g.endsOn() == null ? "" : ", until " + UkTime.day(g.endsOn())));
            if (g.kind().legalAuthority()) {
                Button end = new Button("End this authority", click -> {
                    consentChanges.revoke(g.id());
                    render();
                });
                end.setAriaLabel("End the authority of " + g.granteeName());
                end.addThemeVariants(ButtonVariant.LUMO_SMALL);
                item.add(end);
            }
            list.add(item);
        }
        if (list.getChildren().findAny().isEmpty()) {
            list.add(new com.vaadin.flow.component.html.ListItem("Nobody else acts for " + holder.fullName() + "."));
        }
        Select<ConsentKind> kind = new Select<>();
        kind.setLabel("Legal authority");
        kind.setItems(ConsentKind.DEPUTY, ConsentKind.ATTORNEY);
        kind.setItemLabelGenerator(ConsentKind::label);
        TextField name = new TextField("Deputy's or attorney's full name");
        TextField username = new TextField("A username for them");
        TextField reference = new TextField("Court order or registration reference");
        FormErrors errors = new FormErrors().field("kind", kind).field("fullName", name).field("username", username)
                .field("documentReference", reference);
        Button record = new Button("Record and invite", click -> {
            errors.clear();
            try {
                var invited = consentChanges.recordLegalAuthority(holder.id(), kind.getValue(), name.getValue(),
                        username.getValue(), reference.getValue());
                render();
                add(InvitationNotice.of(invited.invitation()));
            } catch (ValidationException e) {
                errors.show(e);
            }
        });
        return Ui.card("Who acts for " + holder.fullName(), list, new Paragraph("Record a court-appointed deputy "
                + "or an attorney. They may act fully for the person, with no end date, until you end it."),
                kind, name, username, reference, errors.formMessage(), record);
    }

    private Component supportPlan() {
        Div box = new Div();
        var agreed = plans.agreed(holder.id());
        box.add(agreed.isPresent() ? PlanDisplay.render(agreed.get(), "agreed-plan", spending.forHolder(holder.id()))
                : new Paragraph("No plan has been agreed yet."));
        plans.draft(holder.id()).ifPresent(draft -> {
            Button agree = new Button("Agree this draft", click -> {
                try {
                    plans.agree(holder.id(), draft.version());
                    Notification.show("The plan is agreed.", 5000, Notification.Position.TOP_CENTER)
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    render();
                } catch (ValidationException e) {
                    Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE)
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            });
            agree.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            box.add(new com.vaadin.flow.component.html.H3("A draft is waiting for you to agree"),
                    PlanDisplay.render(draft, "draft-plan"), agree);
        });
        return Ui.card("Support plan", box);
    }

    private Component createBudgetForm() {
        LocalDate today = UkTime.today(clock);
        DatePicker start = new DatePicker("Start date");
        start.setLocale(Locale.UK);
        start.setValue(today.withDayOfMonth(1));
        DatePicker end = new DatePicker("End date");
        end.setLocale(Locale.UK);
        end.setValue(today.withDayOfMonth(1).plusYears(1).minusDays(1));
        Select<BudgetManagement> management = new Select<>();
        management.setLabel("How the budget is managed");
        management.setItems(BudgetManagement.values());
        management.setItemLabelGenerator(BudgetManagement::label);
        management.setValue(BudgetManagement.DIRECT_PAYMENT);
        ComboBox<OrganisationSummary> brokerage = new ComboBox<>("Brokerage holding the money");
        brokerage.setItemLabelGenerator(OrganisationSummary::name);
        brokerage.setItems(brokerages());
        brokerage.setVisible(false);
        management.addValueChangeListener(e -> brokerage.setVisible(e.getValue() == BudgetManagement.THIRD_PARTY));

        FormErrors errors = new FormErrors().field("startDate", start).field("endDate", end)
                .field("management", management).field("brokerage", brokerage);
        Map<FundingStream, TextField> amounts = new EnumMap<>(FundingStream.class);
        Map<FundingStream, TextArea> calculations = new EnumMap<>(FundingStream.class);
        Div streams = streamFields(errors, amounts, calculations);
        Button create = new Button("Set up the budget", click -> {
            errors.clear();
            try {
                budgets.createBudget(new NewBudget(holder.id(), start.getValue(), end.getValue(),
                        management.getValue(), brokerage.getValue() == null ? null : brokerage.getValue().id(),
                        typedPence(amounts), notes(calculations)));
                Notification.show("The budget is set up.", 5000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                render();
            } catch (ValidationException e) {
                errors.show(e);
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var card = Ui.card("Set up the budget", new Paragraph("Enter what each funder allocates for the whole "
                + "period and how it was worked out. The person sees both. The private top-up starts at £0.00: "
                + "the person can add to it by card."), start, end, management, brokerage, streams,
                errors.formMessage(), create);
        card.addClassName("form");
        return card;
    }

    /** An amount and how it was worked out, for each funder's stream (the private top-up starts at £0.00). */
    private static Div streamFields(FormErrors errors, Map<FundingStream, TextField> amounts,
            Map<FundingStream, TextArea> calculations) {
        Div streams = new Div();
        for (FundingStream stream : FundingStream.values()) {
            if (stream == FundingStream.PRIVATE_TOP_UP) {
                continue;
            }
            TextField amount = new TextField(stream.label() + ": amount for the period (£)");
            amount.setPlaceholder("0.00");
            amount.setAllowedCharPattern("[0-9.,£ ]");
            TextArea calculation = new TextArea(stream.label() + ": how it was worked out");
            calculation.setHelperText("For example: 10 hours a week of personal care at £24.50 an hour for 52 weeks");
            amounts.put(stream, amount);
            calculations.put(stream, calculation);
            errors.field("amount-" + stream.name(), amount).field("calculation-" + stream.name(), calculation);
            streams.add(amount, calculation);
        }
        return streams;
    }

    /** The amounts as typed, in pence; every one that cannot be read is refused at its field. */
    private static Map<FundingStream, Long> typedPence(Map<FundingStream, TextField> amounts) {
        Map<FundingStream, Long> pence = new EnumMap<>(FundingStream.class);
        var typing = new ValidationException.Collector();
        amounts.forEach((stream, field) -> {
            if (field.getValue().isBlank()) {
                return;
            }
            try {
                pence.put(stream, Money.parse(field.getValue(), "amount-" + stream.name()));
            } catch (ValidationException e) {
                e.fieldErrors().forEach(typing::add);
            }
        });
        typing.throwIfAny();
        return pence;
    }

    private static Map<FundingStream, String> notes(Map<FundingStream, TextArea> calculations) {
        Map<FundingStream, String> notes = new EnumMap<>(FundingStream.class);
        calculations.forEach((stream, field) -> notes.put(stream, field.getValue()));
        return notes;
    }

    private Component adjustForm(BudgetSummary budget) {
        Select<FundingStream> stream = new Select<>();
        stream.setLabel("Funding stream");
        stream.setItems(FundingStream.values());
        stream.setItemLabelGenerator(FundingStream::label);
        stream.setPlaceholder("Choose a stream");
        TextField amount = new TextField("Change (£)");
        amount.setHelperText("Positive to add money, negative to take it away, for example 250.00 or -250.00");
        amount.setAllowedCharPattern("[0-9.,£ -]");
        TextArea reason = new TextArea("Reason for the change");
        reason.setHelperText("The person and both funders will see this");
        FormErrors errors = new FormErrors().field("stream", stream).field("amount", amount).field("reason", reason);
        // one key per form: a double click or a resubmission posts the change once
        String[] requestKey = {UUID.randomUUID().toString()};
        Button save = new Button("Change the allocation", click -> {
            errors.clear();
            try {
                long change = Money.parse(amount.getValue(), "amount");
                budgets.adjustAllocation(budget.id(), stream.getValue(), change, reason.getValue(), requestKey[0]);
                requestKey[0] = UUID.randomUUID().toString();
                Notification.show("The allocation has been changed.", 5000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                render();
            } catch (ValidationException e) {
                errors.show(e);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var card = Ui.card("Change an allocation", stream, amount, reason, errors.formMessage(), save);
        card.addClassName("form");
        card.setId("adjust-allocation");
        return card;
    }

    private Component history(BudgetSummary budget) {
        List<AllocationChange> changes = budgets.history(budget.id());
        DataTable table = new DataTable("Every allocation and change, newest first",
                List.of("When", "Funding stream", "Change", "Reason", "By"), 2);
        for (AllocationChange change : changes) {
            table.row(UkTime.dayAndTime(change.when()), change.stream().label(),
                    (change.changePence() > 0 ? "+" : "") + Money.format(change.changePence()), change.reason(),
                    change.byName());
        }
        table.setId("budget-history");
        return Ui.card("Budget history", table);
    }

    private List<OrganisationSummary> brokerages() {
        return organisations.organisationsInArea(holder.areaId()).stream()
                .filter(o -> o.type() == OrganisationType.BROKERAGE).toList();
    }
}
