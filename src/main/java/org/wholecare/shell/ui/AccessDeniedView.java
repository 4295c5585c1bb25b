package org.wholecare.shell.ui;


import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** Shown when a signed-in person opens a page their role may not see, e.g. by typing its address. */
@ParentLayout(MainLayout.class)
@PageTitle("No access – Wholecare")
@PermitAll
public class AccessDeniedView extends Main implements HasErrorParameter<AccessDeniedException> {

    public AccessDeniedView() {
        add(accessDeniedContent());
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        return HttpServletResponse.SC_FORBIDDEN;
    }

    static com.vaadin.flow.component.Component[] accessDeniedContent() {
        H1 title = new H1("You do not have access to this page");
        title.setId("access-denied");
        return new com.vaadin.flow.component.Component[] {
            title,
            new Paragraph("Your account cannot open this page or this record. Nothing has been shown or changed. "
                    + "If you think you should have access, ask your administrator."),
            new Anchor("", "Go to your home page")
        };
    }
}
