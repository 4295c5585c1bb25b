package org.wholecare.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wholecare.TestArea.HOME_CARE_NAME;
import static org.wholecare.TestArea.PASSWORD;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wholecare.IntegrationTest;
import org.wholecare.notification.internal.EmailDelivery;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.security.AccountService;
import org.wholecare.security.Invitations;
import org.wholecare.security.IssuedInvitation;
import org.wholecare.security.NewAccount;
import org.wholecare.security.Role;
import org.wholecare.security.SystemActor;
import org.wholecare.shared.ValidationException;

/**
 * Invitations and "set a new password" links go to the person's own address when there is one
 * (read back from a real SMTP server), and are shown on screen only when there is not.
 */
@IntegrationTest
class InvitationEmailIT {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 100_000);

    @Autowired GreenMail smtpServer;
    @Autowired EmailDelivery delivery;
    @Autowired AccountService accounts;
    @Autowired Invitations invitations;
    @Autowired OrganisationService organisations;
    @Autowired JdbcTemplate jdbc;

    private long homeCare() {
        return SystemActor.asAdministrator(() -> organisations.organisations().stream()
                .filter(o -> o.name().equals(HOME_CARE_NAME)).findFirst().orElseThrow().id());
    }

    private List<MimeMessage> receivedBy(java.util.Set<MimeMessage> before, String address) {
        return org.wholecare.TestMail.receivedSince(smtpServer, before, address);
    }

    @Test
    void anAccountMadeWithAnAddressGetsItsInvitationByEmailAndTheLinkInItSetsThePassword() throws Exception {
        long n = SEQUENCE.incrementAndGet();
        String username = "invited." + n;
        var before = org.wholecare.TestMail.seen(smtpServer);
        IssuedInvitation issued = SystemActor.asAdministrator(() -> {
            long id = accounts.createAccount(new NewAccount("Ina Vited", username, Role.PROVIDER, homeCare(), null,
                    null, "  Ina.Vited." + n + "@Example.org ")).id();
            return invitations.issueInvitation(id);
        });
        assertThat(issued.sent()).isTrue();
        assertThat(issued.deliveryNote()).startsWith("We have emailed the link to Ina Vited");
        delivery.deliverDue();

        List<MimeMessage> mail = receivedBy(before, "ina.vited." + n + "@example.org");
        assertThat(mail).hasSize(1);
        assertThat(mail.getFirst().getSubject()).isEqualTo("Choose your Wholecare password");
        String body = GreenMailUtil.getBody(mail.getFirst()).replace("=\r\n", "").replace("=3D", "=");
        assertThat(body).contains("Your username is " + username + ".")
                .contains("Nobody from Wholecare will ever ask you for your password.");
        Matcher link = Pattern.compile("/invitation/([A-Za-z0-9_-]{20,})").matcher(body);
        assertThat(link.find()).as("the email holds the link").isTrue();
        assertThat(link.group(1)).isEqualTo(issued.link().url().substring(issued.link().url().lastIndexOf('/') + 1));
        // sent, the link is no longer kept anywhere but in the person's inbox
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM email_outbox o JOIN user_account a ON a.id = o.account_id "
                + "WHERE a.username = ? AND o.kind = 'invitation' AND o.status = 'SENT' AND o.body = ''", Long.class,
                username)).isEqualTo(1L);

        invitations.acceptInvitation(link.group(1), PASSWORD, PASSWORD);
        assertThat(jdbc.queryForObject("SELECT password_hash IS NOT NULL FROM user_account WHERE username = ?",
                Boolean.class, username)).isTrue();
    }

    @Test
    void anAccountWithNoAddressHasItsLinkShownOnScreenAndNothingIsSent() {
        String username = "no.address." + SEQUENCE.incrementAndGet();
        IssuedInvitation issued = SystemActor.asAdministrator(() -> invitations.issueInvitation(accounts.createAccount(
                new NewAccount("Noa Dress", username, Role.PROVIDER, homeCare(), null, null)).id()));
        assertThat(issued.sent()).isFalse();
        assertThat(issued.deliveryNote()).contains("Give them this link yourself");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM email_outbox o JOIN user_account a ON a.id = o.account_id "
                + "WHERE a.username = ?", Long.class, username)).isZero();
    }

    @Test
    void anAddressThatIsNotOneIsRefusedAtTheFieldAndNoAccountIsMade() {
        String username = "bad.address." + SEQUENCE.incrementAndGet();
        assertThatThrownBy(() -> SystemActor.asAdministrator(() -> accounts.createAccount(new NewAccount("Bad Dress",
                username, Role.PROVIDER, homeCare(), null, null, "bad.dress at example.org"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("email", "That is not an email address. Type it like name@example.org, or "
                                + "leave it empty to get no emails."));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM user_account WHERE username = ?", Long.class, username))
                .isZero();
    }
}
