package org.wholecare;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
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

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean(initMethod = "start", destroyMethod = "stop")
        GreenMail smtpServer() {
            return new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        }

        @Bean
        JavaMailSender mailSender(GreenMail smtpServer) {
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
