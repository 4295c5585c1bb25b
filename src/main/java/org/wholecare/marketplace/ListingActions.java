package org.wholecare.marketplace;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * What other features offer on a listing page (a broker shortlisting it for a client, say), so the
 * marketplace need not know about them.
 */
public interface ListingActions {

    Optional<Component> actionsFor(Listing listing);
}
