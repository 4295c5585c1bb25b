package org.wholecare.holder;

import org.jspecify.annotations.Nullable;
import org.wholecare.security.IssuedInvitation;

/** A new registration and the invitation links to give the holder and their representative. */
public record RegisteredHolder(HolderSummary holder, IssuedInvitation holderInvitation,
        @Nullable IssuedInvitation representativeInvitation) {
}
