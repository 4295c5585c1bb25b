package org.wholecare.e2e;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/** The emails the journeys' app has sent, read from the SMTP server the journeys started for it. */
final class Mail {

    private Mail() {
    }

    /**
     * The body of the newest email to {@code address} with {@code subject}, waiting for the app to send
     * it (it sends every second); empty when the journeys drive an app they did not start.
     */
    static Optional<String> waitFor(String address, String subject) {
        GreenMail mail = JourneyApp.mail();
        if (mail == null) {
            return Optional.empty();
        }
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(giveUp)) {
            MimeMessage[] received = mail.getReceivedMessages();
            for (int i = received.length - 1; i >= 0; i--) {
                if (is(received[i], address, subject)) {
                    return Optional.of(GreenMailUtil.getBody(received[i]));
                }
            }
            // the server signals each arrival; wait for the next rather than a fixed time
            mail.waitForIncomingEmail(1_000, received.length + 1);
        }
        throw new AssertionError("No email \"" + subject + "\" reached " + address + " within a minute");
    }

    private static boolean is(MimeMessage message, String address, String subject) {
        try {
            return subject.equals(message.getSubject()) && Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equals(address));
        } catch (MessagingException e) {
            return false;
        }
    }
}
