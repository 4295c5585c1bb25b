package org.wholecare.platform;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Invitation links and Stripe's return pages point at the address people use. Without it they
 * would point nowhere (or at localhost), so a real installation must say what it is.
 */
@Component
class PublicAddressCheck {

    PublicAddressCheck(@Value("${wholecare.public-url:}") String publicUrl,
            @Value("${server.forward-headers-strategy:none}") String forwardHeaders) {
        String url = publicUrl == null ? "" : publicUrl.strip();
        boolean valid;
        try {
            URI uri = URI.create(url);
            valid = ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            valid = false;
        }
        if (!valid) {
            throw new InstallationProblem(url.isEmpty() ? "The address people use to reach Wholecare (WHOLECARE_PUBLIC_URL) is not set."
                    : "The address people use to reach Wholecare (" + url + ") is not a web address.",
                    "Set WHOLECARE_PUBLIC_URL to it, for example https://care.example.org: invitation links and "
                            + "card payments send people there.");
        }
    }
}
