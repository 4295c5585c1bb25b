package org.wholecare.security;

/**
 * Delivers an invitation link to the person. The default shows the link to the administrator on
 * screen (there is no mail server here); an SMTP sender can replace it as another bean.
 */
public interface InvitationSender {

    /** @return a plain-English sentence saying how the link reached (or must reach) the person */
    String send(InvitationLink invitation);
}
