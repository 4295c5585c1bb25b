package org.wholecare.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OnScreenInvitationSender {

    @Bean
    @ConditionalOnMissingBean(InvitationSender.class)
    InvitationSender invitationSender() {
        return invitation -> "No email is sent from this installation. Give " + invitation.fullName()
                + " this link yourself, by a safe route.";
    }
}
