package org.wholecare.shell.ui;

import org.wholecare.shell.ActingFor;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;

/** The same page when a service refuses a read while a view is opening (its method security). */
@ParentLayout(MainLayout.class)
@PageTitle("No access – Wholecare")
@PermitAll
public class ServiceAccessDeniedView extends Main implements HasErrorParameter<AccessDeniedException> {

    public ServiceAccessDeniedView() {
        add(AccessDeniedView.accessDeniedContent());
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        if (parameter.getCaughtException() instanceof org.wholecare.shared.RefusedException refused) {
            removeAll();
            add(new com.vaadin.flow.component.html.H1("You cannot open this page"),
                    new com.vaadin.flow.component.html.Paragraph(refused.getMessage()));
            if (refused.endsActing()) {
                ActingFor.stop();
            }
        }
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
