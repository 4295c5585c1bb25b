package org.wholecare;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A real SMTP server (GreenMail) on a free port of this machine, started with the test context,
 * and Spring's own mail sender pointed at it, so the tests read the emails it received.
 */
public final class TestMail {

    private TestMail() {
    }

    /**
     * The messages the server holds now. It keeps them by mailbox, not in the order they came, and
     * hands out the same objects each time, so they are compared as objects.
     */
    public static Set<MimeMessage> seen(GreenMail server) {
        Set<MimeMessage> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        seen.addAll(Arrays.asList(server.getReceivedMessages()));
        return seen;
    }

    /** The messages received since {@code seen} for any of these addresses, in no particular order. */
    public static List<MimeMessage> receivedSince(GreenMail server, Set<MimeMessage> seen, String... addresses) {
        List<String> wanted = Arrays.asList(addresses);
        List<MimeMessage> found = new ArrayList<>();
        try {
            for (MimeMessage m : server.getReceivedMessages()) {
                if (!seen.contains(m) && Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> wanted.contains(a.toString()))) {
                    found.add(m);
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean(initMethod = "start", destroyMethod = "stop")
        GreenMail smtpServer() {
            return new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        }

        @Bean
        JavaMailSenderImpl mailSender(GreenMail smtpServer) {
            if (!smtpServer.isRunning()) {
                smtpServer.start();
            }
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(smtpServer.getSmtp().getPort());
            sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
            sender.getJavaMailProperties().put("mail.smtp.timeout", "2000");
            return sender;
        }
    }
}
