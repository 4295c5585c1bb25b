package org.wholecare.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Optional;
import org.wholecare.security.IssuedInvitation;

/**
 * A new invitation as the person giving it sees it: whose it is, how it was sent, and until when
 * it works. The link itself is shown only when it could not go to the person by email: a link that
 * went to them stays theirs alone.
 */
public final class InvitationNotice {

    private InvitationNotice() {
    }

    public static Component of(IssuedInvitation issued) {
        Div notice = new Div(new H3(issued.link().fullName()), new Paragraph(issued.deliveryNote()));
        link(issued, null).ifPresent(notice::add);
        notice.add(new Paragraph("It works once, until " + issued.expiresText() + "."));
        return notice;
    }

    /** The link to copy and pass on by hand, when it could not be sent; empty when it was. */
    public static Optional<TextField> link(IssuedInvitation issued, @org.jspecify.annotations.Nullable String id) {
        if (issued.sent()) {
            return Optional.empty();
        }
        TextField link = new TextField("Invitation link for " + issued.link().fullName());
        link.setValue(issued.link().url());
        link.setReadOnly(true);
        link.setWidthFull();
        link.addClassName("invitation-link");
        if (id != null) {
            link.setId(id);
        }
        return Optional.of(link);
    }
}
