package org.wholecare.pooling.ui;

import org.wholecare.pooling.PoolingAgreement;
import org.wholecare.pooling.PoolingService;
import org.wholecare.pooling.ServiceCategory;

import org.wholecare.shared.UkTime;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wholecare.ledger.FundingStream;
import org.wholecare.security.CurrentUser;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;
import org.wholecare.shell.FormErrors;
import org.wholecare.shell.Ui;

/** The area's pooling agreement (who pays what share of each kind of support) and spending rules. */
@Route("commissioner/pooling")
@PageTitle("Pooling and spending rules – Wholecare")
@Menu(title = "Pooling and rules", order = 20, icon = "vaadin:scale")
@RolesAllowed(Roles.COMMISSIONER)
public class PoolingView extends Main {


    private final PoolingService pooling;
    private final long areaId;

    PoolingView(PoolingService pooling, CurrentUser currentUser) {
        this.pooling = pooling;
        this.areaId = currentUser.require().areaId();
        addClassName("page");
        render();
    }

    private void render() {
        removeAll();
        add(new H1("Pooling and spending rules"), new Paragraph("For each kind of support, say what share of the "
                + "cost each funding stream pays. Saving makes a new version, which applies to new purchases only; "
                + "purchases already made keep the split they were made with."));
        List<ServiceCategory> categories = pooling.categories(areaId);
        add(agreementForm(categories), exclusions(categories), addCategoryForm(), versions());
    }

    /** Each share as typed, in basis points; every one that is not a percentage is refused at its row. */
    private static Map<Long, Map<FundingStream, Integer>> typedShares(
            Map<Long, Map<FundingStream, TextField>> fields) {
        Map<Long, Map<FundingStream, Integer>> shares = new LinkedHashMap<>();
        var typing = new ValidationException.Collector();
        fields.forEach((categoryId, byStream) -> {
            Map<FundingStream, Integer> parsed = new EnumMap<>(FundingStream.class);
            byStream.forEach((stream, field) -> {
                String text = field.getValue().isBlank() ? "0" : field.getValue().strip();
                try {
                    BigDecimal percent = new BigDecimal(text);
                    if (percent.scale() > 2) {
                        throw new NumberFormatException();
                    }
                    parsed.put(stream, percent.movePointRight(2).intValueExact());
                } catch (NumberFormatException | ArithmeticException e) {
                    typing.add("category-" + categoryId, "Enter each share as a percentage using numbers "
                            + "only, for example 60 or 33.33.");
                }
            });
            shares.put(categoryId, parsed);
        });
        typing.throwIfAny();
        return shares;
    }

    private Component agreementForm(List<ServiceCategory> categories) {
        var current = pooling.currentAgreement(areaId);
        FormErrors errors = new FormErrors();
        Map<Long, Map<FundingStream, TextField>> fields = new LinkedHashMap<>();
        Div rows = new Div();
        for (ServiceCategory category : categories) {
            if (category.excluded()) {
                continue;
            }
            Map<FundingStream, TextField> byStream = new EnumMap<>(FundingStream.class);
            Div row = new Div();
            row.addClassName("share-row");
            row.getElement().setAttribute("role", "group");
            row.getElement().setAttribute("aria-label", category.name());
            row.add(new H3(category.name()));
            for (FundingStream stream : FundingStream.values()) {
                TextField share = new TextField(stream.label() + " (%)");
                share.setAllowedCharPattern("[0-9.]");
                share.addClassName("share");
                int bp = current.map(a -> a.shares(category.id()).getOrDefault(stream, 0)).orElse(0);
                share.setValue(PoolingService.percent(bp).replace("%", ""));
                byStream.put(stream, share);
                row.add(share);
            }
            errors.field("category-" + category.id(), byStream.get(FundingStream.NHS_HEALTH));
            fields.put(category.id(), byStream);
            rows.add(row);
        }
        Button save = new Button("Save as a new version", click -> {
            errors.clear();
            try {
                PoolingAgreement saved = pooling.saveNewVersion(typedShares(fields));
                Notification.show("Version " + saved.version() + " of the pooling agreement is saved.", 5000,
                        Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                render();
            } catch (ValidationException e) {
                errors.show(e);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        String version = current.map(a -> "Version " + a.version() + ", saved by " + a.createdByName() + " on "
                + UkTime.dayAndTime(a.createdAt()) + ".").orElse("No agreement has been saved yet.");
        Paragraph missing = new Paragraph("When a person's budget has no money at all in a stream (for example, "
                + "they have no assessed contribution), that stream's share is paid by the other streams for that kind "
                + "of support, in the same proportions as each other. When a stream has money but not enough left, "
                + "its share stays as agreed, and only the private top-up (money the person adds by card) may pay "
                + "the rest. Each person is shown this before they confirm.");
        missing.setId("when-a-stream-is-missing");
        var card = Ui.card("Who pays for what", new Paragraph(version + " The shares for each kind of support must "
                + "add up to 100%."), missing, rows, errors.formMessage(), save);
        card.setId("pooling-agreement");
        return card;
    }

    private Component exclusions(List<ServiceCategory> categories) {
        UnorderedList list = new UnorderedList();
        categories.stream().filter(ServiceCategory::excluded)
                .forEach(c -> list.add(new ListItem(c.name() + ": " + c.exclusionReason())));
        return Ui.card("What budgets may never buy", list);
    }

    private Component addCategoryForm() {
        TextField name = new TextField("Name of the kind of support");
        Checkbox excluded = new Checkbox("Budgets may never buy this");
        TextField reason = new TextField("Why not, in plain words");
        reason.setVisible(false);
        Checkbox needsCqc = new Checkbox("Only providers registered with the Care Quality Commission may offer this "
                + "(for example personal care, nursing)");
        excluded.addValueChangeListener(e -> {
            reason.setVisible(e.getValue());
            needsCqc.setVisible(!e.getValue());
        });
        FormErrors errors = new FormErrors().field("name", name).field("exclusionReason", reason);
        Button add = new Button("Add", click -> {
            try {
                pooling.addCategory(name.getValue(), excluded.getValue(), reason.getValue(), needsCqc.getValue());
                render();
            } catch (ValidationException e) {
                errors.show(e);
            }
        });
        var card = Ui.card("Add a kind of support", new Paragraph("A new kind of support can be bought once the "
                + "agreement says who pays for it."), name, excluded, needsCqc, reason, errors.formMessage(), add);
        card.addClassName("form");
        return card;
    }

    private Component versions() {
        UnorderedList list = new UnorderedList();
        for (PoolingAgreement agreement : pooling.agreementHistory(areaId)) {
            list.add(new ListItem("Version " + agreement.version() + ": saved by " + agreement.createdByName() + " on "
                    + UkTime.dayAndTime(agreement.createdAt())));
        }
        return Ui.card("Earlier versions", list);
    }
}
