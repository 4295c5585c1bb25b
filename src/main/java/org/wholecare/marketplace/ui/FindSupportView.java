package org.wholecare.marketplace.ui;

import org.jspecify.annotations.Nullable;
import org.wholecare.marketplace.SearchQuery;
import org.wholecare.marketplace.SearchService;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import org.wholecare.holder.BudgetHolderService;
import org.wholecare.pooling.PoolingService;
import org.wholecare.pooling.ServiceCategory;
import org.wholecare.security.CurrentUser;
import org.wholecare.shared.Money;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;
import org.wholecare.shell.FormErrors;
import org.wholecare.shell.Ui;

/** Search for support from verified providers, with each price compared with the typical price nearby. */
@Route("find-support")
@PageTitle("Find support – Wholecare")
@Menu(title = "Find support", order = 5, icon = "vaadin:search")
@RolesAllowed({Roles.BUDGET_HOLDER, Roles.REPRESENTATIVE, Roles.BROKER})
public class FindSupportView extends Main {

    private static final int PAGE = 10;
    private static final ServiceCategory ANY = new ServiceCategory(-1, -1, "Any kind of support", false, null);

    private final SearchService search;
    private final UnorderedList results = new UnorderedList();
    private final Paragraph summary = new Paragraph();
    private final Button more = new Button("Show more results");
    private @Nullable SearchQuery lastQuery;
    private int shown;

    FindSupportView(SearchService search, PoolingService pooling, BudgetHolderService holders, CurrentUser currentUser) {
        this.search = search;
        addClassName("page");
        add(new H1("Find support"));
        TextField text = new TextField("What are you looking for?");
        text.setPlaceholder("For example physiotherapy, day centre, help at home");
        Select<ServiceCategory> category = kindsOfSupport(pooling, currentUser);
        TextField district = new TextField("Postcode district");
        // where the person being helped lives, when a broker or representative acts for them
        district.setValue(ViewerDistrict.of(holders, currentUser.require()).orElseGet(search::defaultDistrict));
        district.setHelperText("The first part of the postcode, for example NB4");
        TextField maxPrice = new TextField("Highest price per unit (£, optional)");
        maxPrice.setAllowedCharPattern("[0-9.,£ ]");
        Select<String> day = dayPicker();
        TextField language = new TextField("Language (optional)");
        Select<SearchQuery.Sort> sort = sortPicker();
        FormErrors errors = new FormErrors().field("text", text).field("district", district).field("maxPrice", maxPrice);
        Button go = new Button("Search", click -> {
            errors.clear();
            try {
                Long max = maxPrice.getValue().isBlank() ? null : Money.parse(maxPrice.getValue(), "maxPrice");
                lastQuery = new SearchQuery(text.getValue(), category.getValue() == ANY ? null : category.getValue().id(),
                        district.getValue(), max, day.getValue(), language.getValue(), sort.getValue(), 0, PAGE);
                results.removeAll();
                shown = 0;
                load();
            } catch (ValidationException e) {
                // no results of an earlier search left looking like the answer to this one
                results.removeAll();
                summary.setText("");
                more.setVisible(false);
                errors.show(e);
            }
        });
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        go.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        Div filters = new Div(text, category, district, maxPrice, day, language, sort, errors.formMessage(), go);
        filters.addClassName("search-filters");
        var card = Ui.card("Search", filters);
        card.addClassName("form");
        summary.setId("search-summary");
        summary.getElement().setAttribute("role", "status");
        results.addClassName("results");
        results.setId("search-results");
        // the cards are styled without bullets, which some screen readers take as "not a list"
        results.getElement().setAttribute("role", "list");
        more.setVisible(false);
        more.addClickListener(click -> load());
        add(card, summary, results, more);
        go.click();
    }

    /** The kinds of support the person's area's budgets may buy, and "any". */
    private static Select<ServiceCategory> kindsOfSupport(PoolingService pooling, CurrentUser currentUser) {
        Select<ServiceCategory> category = new Select<>();
        category.setLabel("Kind of support");
        List<ServiceCategory> kinds = new ArrayList<>();
        kinds.add(ANY);
        Long areaId = currentUser.require().areaId();
        if (areaId != null) {
            pooling.categories(areaId).stream().filter(c -> !c.excluded()).forEach(kinds::add);
        }
        category.setItems(kinds);
        category.setItemLabelGenerator(ServiceCategory::name);
        category.setValue(ANY);
        return category;
    }

    private static Select<String> dayPicker() {
        Select<String> day = new Select<>();
        day.setLabel("Available on");
        day.setItems("", "MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");
        day.setItemLabelGenerator(d -> d.isEmpty() ? "Any day" : ListingView.DAY_NAMES.get(d));
        day.setValue("");
        return day;
    }

    private static Select<SearchQuery.Sort> sortPicker() {
        Select<SearchQuery.Sort> sort = new Select<>();
        sort.setLabel("Sort by");
        sort.setItems(SearchQuery.Sort.values());
        sort.setItemLabelGenerator(SearchQuery.Sort::label);
        sort.setValue(SearchQuery.Sort.RELEVANCE);
        return sort;
    }

    private void load() {
        SearchService.Page page = search.search(new SearchQuery(lastQuery.text(), lastQuery.categoryId(),
                lastQuery.district(), lastQuery.maxPricePence(), lastQuery.day(), lastQuery.language(), lastQuery.sort(),
                shown, PAGE));
        String district = lastQuery.district().strip().toUpperCase(java.util.Locale.UK);
        page.results().forEach(r -> results.add(ResultCard.of(r, district)));
        shown += page.results().size();
        more.setVisible(page.more());
        String found = shown == 0 ? "Nothing matches your search in " + district + ". Try fewer words or another kind of support."
                : "Showing " + shown + (page.more() ? " results so far" : shown == 1 ? " result" : " results")
                        + " in " + district + ". Prices are compared with the typical (middle) price for the same kind of "
                        + "support here.";
        if (!page.more() && shown >= SearchService.MAX_RESULTS) {
            found += " That is as many as one search shows: add words or filters to narrow it.";
        }
        summary.setText(found);
    }
}
