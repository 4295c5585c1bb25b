package org.wholecare.home.ui;


import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.wholecare.security.CurrentUser;

/** The address people land on after signing in: it sends each role to its own home. */
@Route(value = "", autoLayout = false)
@PermitAll
public class RootView extends Div implements BeforeEnterObserver {

    private final CurrentUser currentUser;

    RootView(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.forwardTo(switch (currentUser.require().role()) {
            case BUDGET_HOLDER -> HolderHomeView.class;
            case REPRESENTATIVE -> RepresentativeHomeView.class;
            case BROKER -> BrokerHomeView.class;
            case PROVIDER -> ProviderHomeView.class;
            case COMMISSIONER -> CommissionerHomeView.class;
            case ADMINISTRATOR -> AdministratorHomeView.class;
        });
    }
}
