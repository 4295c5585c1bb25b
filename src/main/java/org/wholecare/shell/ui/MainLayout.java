package org.wholecare.shell.ui;

import org.wholecare.shell.ActingFor;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.wholecare.security.CurrentUser;
import org.wholecare.security.SignedInUser;

/**
 * The one application shell: the person's name and sign-out in the header, and a side menu built
 * from the views marked {@code @Menu} that this person is allowed to open.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final Div actingFor = new Div();

    MainLayout(CurrentUser currentUser, AuthenticationContext authenticationContext,
            java.util.List<org.wholecare.shell.MenuOffers> offers) {
        setPrimarySection(Section.NAVBAR);
        SignedInUser user = currentUser.require();

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel("Show or hide the menu");

        Anchor brand = new Anchor("", "Wholecare");
        brand.addClassName("brand");

        Span name = new Span(user.fullName());
        name.addClassName("person-name");
        Span role = new Span(user.role().label());
        role.addClassName("person-role");
        Div person = new Div(name, role);
        person.addClassName("person");

        Button signOut = new Button("Sign out", click -> authenticationContext.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        signOut.addClassName("sign-out");

        Div header = new Div(brand, person, signOut);
        header.addClassName("app-header");
        actingFor.addClassName("acting-for");
        actingFor.getElement().setAttribute("role", "region");
        actingFor.getElement().setAttribute("aria-label", "Who you are acting for");
        // the first thing a keyboard reaches on every page, so nobody has to tab through the menu (WCAG 2.4.1)
        Anchor skip = new Anchor("#", "Skip to main content");
        skip.addClassName("skip-link");
        skip.getElement().setAttribute("router-ignore", true);
        addToNavbar(skip, toggle, header, actingFor);
        showActingFor();

        SideNav nav = new SideNav();
        nav.setLabel("Main menu");
        nav.getElement().setAttribute("aria-label", "Main menu");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            String path = entry.path().startsWith("/") ? entry.path().substring(1) : entry.path();
            if (offers.stream().anyMatch(o -> !o.offers(path))) {
                continue;
            }
            SideNavItem item = new SideNavItem(entry.title(), entry.path());
            if (entry.icon() != null && entry.icon().startsWith("vaadin:")) {
                Icon icon = new Icon("vaadin", entry.icon().substring("vaadin:".length()));
                icon.getElement().setAttribute("aria-hidden", "true");
                item.setPrefixComponent(icon);
            }
            nav.addItem(item);
        }
        addToDrawer(nav);
        // The page scrolls inside the layout's content area; keyboard users must be able to reach
        // it to scroll (WCAG 2.1.1), even on pages that have nothing else to focus.
        // The skip link moves focus there too, in the browser, without asking the server.
        getElement().executeJs("customElements.whenDefined('vaadin-app-layout').then(() => {"
                + "const content = this.shadowRoot && this.shadowRoot.querySelector('[part~=\"content\"]');"
                + "if (content) { content.setAttribute('tabindex', '0'); content.setAttribute('role', 'region');"
                + " content.setAttribute('aria-label', 'Page content');"
                + " $0.addEventListener('click', e => { e.preventDefault(); content.focus(); }); } })",
                skip.getElement());
    }

    /** The banner on every page while acting for a client: who, what the consent allows, and a way out. */
    void showActingFor() {
        actingFor.removeAll();
        var client = ActingFor.current();
        actingFor.setVisible(client.isPresent());
        client.ifPresent(c -> {
            Span text = new Span("You are acting for " + c.name() + ". You may " + c.scope() + ". Everything you do "
                    + "is recorded in " + c.name() + "'s access log.");
            text.setId("acting-for-text");
            Button stop = new Button("Stop acting for " + c.name(), click -> {
                ActingFor.stopByChoice();
                showActingFor();
                getUI().ifPresent(ui -> ui.navigate(""));
            });
            stop.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
            actingFor.add(text, stop);
        });
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        showActingFor();
        // on a phone the menu covers the page: close it once the person has chosen where to go
        if (isOverlay()) {
            setDrawerOpened(false);
        }
    }
}
