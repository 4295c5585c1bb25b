package org.wholecare.plan.ui;

import org.jspecify.annotations.Nullable;
import org.wholecare.plan.SupportPlan;
import org.wholecare.plan.SupportPlanService;

import org.wholecare.holder.BudgetHolderService;
import org.wholecare.pooling.ServiceCategory;
import org.wholecare.pooling.PoolingService;
import org.wholecare.holder.HolderSummary;
import org.wholecare.holder.ChosenHolder;

import org.wholecare.shared.UkTime;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
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
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.wholecare.security.CurrentUser;
import org.wholecare.security.Role;
import org.wholecare.shared.Money;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;
import org.wholecare.shell.FormErrors;
import org.wholecare.shell.Ui;

/** The holder's support plan: what they want from their support, in their words, and what it costs. */
@Route("plan")
@PageTitle("Support plan – Wholecare")
@Menu(title = "Support plan", order = 20, icon = "vaadin:clipboard-text")
@RolesAllowed({Roles.BUDGET_HOLDER, Roles.REPRESENTATIVE, Roles.BROKER})
public class SupportPlanView extends Main {

    private final SupportPlanService plans;
    private final org.wholecare.plan.PlanLineSpending spending;
    private final PoolingService pooling;
    private final boolean holderThemself;
    private @Nullable HolderSummary holder;
    private final List<SupportPlanService.LineInput> lines = new ArrayList<>();
    private final UnorderedList lineList = new UnorderedList();
    private List<ServiceCategory> categories = List.of();

    /** The app's clock: what "today" is on this page, so a test that moves it moves the page. */
    private final java.time.Clock clock;

    SupportPlanView(java.time.Clock clock, SupportPlanService plans, BudgetHolderService holders, PoolingService pooling,
            CurrentUser currentUser, org.wholecare.plan.PlanLineSpending spending) {
        this.clock = clock;
        this.spending = spending;
        this.plans = plans;
        this.pooling = pooling;
        this.holderThemself = currentUser.require().role() == Role.BUDGET_HOLDER;
        addClassName("page");
        var mine = ChosenHolder.of(holders, currentUser.require());
        if (mine.isEmpty()) {
            add(new H1("Support plan"), Ui.card("No plan to show", new Paragraph(
                    ChosenHolder.nobody(currentUser.require().role()))));
            return;
        }
        holder = mine.get();
        render();
    }

    private void render() {
        removeAll();
        add(new H1(holderThemself ? "Your support plan" : holder.fullName() + "'s support plan"));
        categories = pooling.categories(holder.areaId()).stream().filter(c -> !c.excluded()).toList();
        var agreed = plans.agreed(holder.id());
        var draft = plans.draft(holder.id());
        add(Ui.card("The plan in force", agreed.isPresent()
                ? PlanDisplay.render(agreed.get(), "agreed-plan", spending.forHolder(holder.id()))
                : new Paragraph("No plan has been agreed yet. Write a draft below; your commissioner agrees it.")));
        draft.ifPresent(d -> add(Ui.card("Your draft, waiting to be agreed", PlanDisplay.render(d, "draft-plan"))));
        add(editor(draft.or(() -> agreed).orElse(null)));
    }

    private Component editor(@Nullable SupportPlan startFrom) {
        TextArea outcomes = new TextArea("What do you want your support to help with?");
        outcomes.setHelperText("In your own words, one thing per line. For example: 'Get to my allotment twice a week'");
        outcomes.setWidthFull();
        DatePicker review = new DatePicker("Review the plan by");
        review.setLocale(Locale.UK);
        review.setMin(UkTime.today(clock).plusDays(1));
        lines.clear();
        if (startFrom != null) {
            outcomes.setValue(String.join("\n", startFrom.outcomes()));
            review.setValue(startFrom.reviewDate());
            startFrom.lines().forEach(l -> lines.add(new SupportPlanService.LineInput(l.categoryId(), l.description(),
                    l.plannedPence(), l.frequency(), l.outcome())));
        } else {
            review.setValue(UkTime.today(clock).plusMonths(6));
        }
        lineList.addClassName("plan-lines");
        refreshLines();

        FormErrors errors = new FormErrors().field("outcomes", outcomes).field("reviewDate", review);
        Paragraph linesError = errors.formMessage();
        Button save = new Button("Save the draft", click -> {
            errors.clear();
            try {
                plans.saveDraft(holder.id(), Arrays.asList(outcomes.getValue().split("\\R")), List.copyOf(lines),
                        review.getValue());
                Notification.show("Your draft is saved. Your commissioner will look at it.", 5000,
                        Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                render();
            } catch (ValidationException e) {
                errors.show(e);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var card = Ui.card("Draft changes to the plan", outcomes, new Paragraph("The support in the plan:"), lineList,
                new LineForm(outcomes), review, linesError, save);
        card.addClassName("form");
        card.setId("plan-editor");
        return card;
    }

    /** Adds one line of support to the draft, checked here first so a half-filled line is never added. */
    private final class LineForm extends Div {

        private final Select<ServiceCategory> category = new Select<>();
        private final TextField description = new TextField("What the support is");
        private final TextField amount = new TextField("Planned cost (£)");
        private final Select<SupportPlan.Frequency> frequency = new Select<>();
        private final Select<Integer> outcome = new Select<>();
        private final FormErrors lineErrors;

        LineForm(TextArea outcomes) {
            category.setLabel("Kind of support");
            category.setItems(categories);
            category.setItemLabelGenerator(ServiceCategory::name);
            category.setPlaceholder("Choose");
            amount.setAllowedCharPattern("[0-9.,£ ]");
            frequency.setLabel("How often");
            frequency.setItems(SupportPlan.Frequency.values());
            frequency.setItemLabelGenerator(SupportPlan.Frequency::label);
            frequency.setValue(SupportPlan.Frequency.WEEK);
            outcome.setLabel("Which outcome it helps with (number)");
            outcomes.addValueChangeListener(e -> outcome.setItems(outcomeNumbers(e.getValue())));
            outcome.setItems(outcomeNumbers(outcomes.getValue()));
            lineErrors = new FormErrors().field("category", category).field("description", description)
                    .field("amount", amount).field("outcome", outcome);
            Button addLine = new Button("Add this support", click -> addLine());
            add(category, description, amount, frequency, outcome, lineErrors.formMessage(), addLine);
            addClassName("plan-line-form");
        }

        private void addLine() {
            lineErrors.clear();
            var errors = new ValidationException.Collector();
            if (category.getValue() == null) {
                errors.add("category", "Choose a kind of support.");
            }
            if (description.getValue().isBlank()) {
                errors.add("description", "Say what the support is.");
            } else if (description.getValue().strip().length() > 300) {
                errors.add("description", "Keep the description to 300 characters or fewer. It has "
                        + description.getValue().strip().length() + ".");
            }
            long pence = 0;
            try {
                pence = Money.parse(amount.getValue(), "amount");
                if (pence <= 0) {
                    errors.add("amount", "Enter an amount greater than £0.00.");
                }
            } catch (ValidationException e) {
                e.fieldErrors().forEach(errors::add);
            }
            if (outcome.getValue() == null) {
                errors.add("outcome", "Choose which outcome this helps with.");
            }
            try {
                errors.throwIfAny();
            } catch (ValidationException e) {
                lineErrors.show(e);
                return;
            }
            lines.add(new SupportPlanService.LineInput(category.getValue().id(), description.getValue().strip(), pence,
                    frequency.getValue(), outcome.getValue()));
            description.clear();
            amount.clear();
            lineErrors.clear();
            refreshLines();
        }
    }

    private void refreshLines() {
        lineList.removeAll();
        if (lines.isEmpty()) {
            lineList.add(new ListItem("No support added yet."));
        }
        for (SupportPlanService.LineInput line : List.copyOf(lines)) {
            String name = categories.stream().filter(c -> c.id() == line.categoryId()).map(ServiceCategory::name)
                    .findFirst().orElse("");
            Button remove = new Button("Remove", click -> {
                lines.remove(line);
                refreshLines();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            remove.setAriaLabel("Remove " + line.description());
            lineList.add(new ListItem(new Span(line.description() + " (" + name + "): "
                    + Money.format(line.plannedPence()) + " " + line.frequency().label() + ", for outcome "
                    + line.outcome() + " "), remove));
        }
    }

    private static List<Integer> outcomeNumbers(String outcomes) {
        long count = Arrays.stream(outcomes.split("\\R")).filter(s -> !s.isBlank()).count();
        return IntStream.rangeClosed(1, (int) Math.max(count, 1)).boxed().toList();
    }
}
