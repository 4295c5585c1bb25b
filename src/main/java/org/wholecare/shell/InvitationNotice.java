package org.wholecare.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import org.wholecare.security.IssuedInvitation;

/** A new invitation as the person giving it sees it: whose it is, how it was sent, the link and until when it works. */
public final class InvitationNotice {

    private InvitationNotice() {
    }

    public static Component of(IssuedInvitation issued) {
        TextField link = new TextField("Invitation link for " + issued.link().fullName());
        link.setValue(issued.link().url());
        link.setReadOnly(true);
        link.setWidthFull();
        link.addClassName("invitation-link");
        return new Div(new H3(issued.link().fullName()), new Paragraph(issued.deliveryNote()), link,
                new Paragraph("It works once, until " + issued.expiresText() + "."));
    }

}
