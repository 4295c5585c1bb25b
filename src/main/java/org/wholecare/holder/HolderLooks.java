package org.wholecare.holder;

import java.util.Collection;

/**
 * Required by the holder feature, provided by consent: who may look at a holder's record, and the
 * line each look leaves in the holder's "Who has looked" log. Holder records are read only through it.
 */
public interface HolderLooks {

    /** Refuses, and logs the refusal, unless the signed-in person may see this holder; logs the look if they may. */
    void requireView(HolderSummary holder, String action);

    /** Logs that the signed-in person saw these holders (for lists a commissioner may see in full). */
    void recordLooks(Collection<Long> holderIds, String action);
}
