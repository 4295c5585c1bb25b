package org.wholecare.consent;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.holder.HolderRegistered;

/**
 * A representative named when a commissioner registers a holder acts for them fully, until the
 * person or a commissioner ends it: the grant is written in the registering transaction.
 */
@Component
class RepresentativeAtRegistration {

    private final ConsentGrants grants;

    RepresentativeAtRegistration(ConsentGrants grants) {
        this.grants = grants;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void grant(HolderRegistered registered) {
        if (registered.representativeAccountId() == null) {
            return;
        }
        grants.insert(registered.holderId(), ConsentKind.REPRESENTATIVE, null, registered.representativeAccountId(),
                registered.representativeRelationship(), ConsentScope.PURCHASE, null, null, registered.registeredBy(),
                registered.at());
    }
}
