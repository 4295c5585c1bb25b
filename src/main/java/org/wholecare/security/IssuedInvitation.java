package org.wholecare.security;

/**
 * @param link         the link to give the person
 * @param deliveryNote how the link reaches them (the sender's own words)
 * @param expiresText  when it stops working, in words
 * @param sent         whether it went to the person themself (by email), so it is not shown on screen
 */
public record IssuedInvitation(InvitationLink link, String deliveryNote, String expiresText, boolean sent) {
}
