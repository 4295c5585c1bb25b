package org.wholecare.security;

/**
 * @param link         the link to give the person
 * @param deliveryNote how the link reaches them (the sender's own words)
 * @param expiresText  when it stops working, in words
 */
public record IssuedInvitation(InvitationLink link, String deliveryNote, String expiresText) {
}
