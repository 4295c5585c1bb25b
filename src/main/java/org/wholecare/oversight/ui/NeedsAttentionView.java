package org.wholecare.oversight.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.wholecare.budget.AreaSettings;
import org.wholecare.oversight.NeedsAttention;
import org.wholecare.security.CurrentUser;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;
import org.wholecare.shell.FormErrors;
import org.wholecare.shell.Ui;

/**
 * What in the commissioner's area needs someone to look, grouped by why, each person's name a
 * link to their record; and the area's own thresholds for it.
 */
@Route("commissioner/needs-attention")
@PageTitle("Needs attention – Wholecare")
@Menu(title = "Needs attention", order = 6, icon = "vaadin:exclamation-circle-o")
@RolesAllowed(Roles.COMMISSIONER)
public class NeedsAttentionView extends Main {

    private final NeedsAttention needs;
    private final AreaSettings settings;
    private final long areaId;

    NeedsAttentionView(NeedsAttention needs, AreaSettings settings, CurrentUser currentUser) {
        this.needs = needs;
        this.settings = settings;
        this.areaId = java.util.Objects.requireNonNull(currentUser.require().areaId());
        addClassName("page");
        render();
    }

    private void render() {
        removeAll();
        add(new H1("Needs attention"), new Paragraph("Budgets and bookings in your area that need someone to look, "
                + "and why. Each person listed here, and each record you open, is in that person's \"Who has "
                + "looked\" log."));
        List<NeedsAttention.Item> items = needs.inMyArea();
        var list = Ui.card(items.isEmpty() ? "Nothing needs attention today" : items.size()
                + (items.size() == 1 ? " thing needs" : " things need") + " attention");
        list.setId("needs-attention");
        Map<NeedsAttention.Reason, List<NeedsAttention.Item>> byReason = items.stream().collect(
                Collectors.groupingBy(NeedsAttention.Item::reason, () -> new java.util.EnumMap<>(
                        NeedsAttention.Reason.class), Collectors.toList()));
        byReason.forEach((reason, theirs) -> {
            UnorderedList people = new UnorderedList();
            people.setId("reason-" + reason.name().toLowerCase(java.util.Locale.UK).replace('_', '-'));
            for (NeedsAttention.Item item : theirs) {
                Anchor record = new Anchor("commissioner/holders/" + item.holderId(), item.holderName());
                people.add(new ListItem(record, new Span(": " + item.detail())));
            }
            list.add(new com.vaadin.flow.component.html.H3(reason.label() + " (" + theirs.size() + ")"), people);
        });
        add(list, thresholds());
    }

    private Component thresholds() {
        AreaSettings.Setting now = settings.of(areaId);
        IntegerField weeks = new IntegerField("Surplus threshold, in weeks of planned spending");
        weeks.setValue(now.surplusThresholdWeeks());
        weeks.setHelperText("A budget on track to leave more than this unspent is listed. From 1 to 52.");
        IntegerField margin = new IntegerField("Well above the typical price, in % more");
        margin.setValue(now.priceMarginPercent());
        margin.setHelperText("A booking priced this much above the typical price nearby is listed. From 5 to 500.");
        FormErrors errors = new FormErrors().field("surplusThresholdWeeks", weeks).field("priceMarginPercent", margin);
        Button save = new Button("Save the thresholds", click -> {
            errors.clear();
            try {
                settings.change(weeks.getValue(), margin.getValue());
                Notification.show("Saved. The list uses the new thresholds.", 4000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                render();
            } catch (ValidationException e) {
                errors.show(e);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var card = Ui.card("Your area's thresholds", new Paragraph("They are your area's own: people's budget pages "
                + "use the same surplus threshold."), weeks, margin, errors.formMessage(), save);
        card.setId("thresholds");
        return card;
    }
}
