package org.wholecare.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No request body may be larger than a page of the app ever sends (Vaadin's messages are a few
 * kilobytes; nothing here uploads files). Checked before anything reads it: a declared length over
 * the limit is refused with 413 at once, and a body sent without one stops being read at the limit.
 * Without this, anyone could make the server hold hundreds of megabytes by posting to a public page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

    private final long maxBytes;

    RequestSizeLimit(@Value("${wholecare.max-request-bytes:1048576}") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            // answered here: sendError would go through the error page, which asks for a sign-in first
            tooLarge(response);
            return;
        }
        boolean[] overLimit = {false};
        chain.doFilter(new HttpServletRequestWrapper(request) {
            private @Nullable Limited limited;
            private java.io.@Nullable BufferedReader reader;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (limited == null) {
                    limited = new Limited(super.getInputStream(), maxBytes, overLimit);
                }
                return limited;
            }

            // Vaadin reads its messages as characters: they pass through the same limit
            @Override
            public java.io.BufferedReader getReader() throws IOException {
                if (reader == null) {
                    String encoding = getCharacterEncoding();
                    reader = new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                            encoding == null ? java.nio.charset.StandardCharsets.UTF_8
                                    : java.nio.charset.Charset.forName(encoding)));
                }
                return reader;
            }
        }, response);
        if (overLimit[0] && !response.isCommitted()) {
            // whatever the reader made of the cut-off body, the answer is that it was too long
            response.reset();
            tooLarge(response);
        }
    }

    private static void tooLarge(HttpServletResponse response) throws IOException {
        byte[] body = "That is more than any page of Wholecare sends.".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setHeader("Connection", "close");
        response.setContentType("text/plain;charset=UTF-8");
        // sent whole at once: the connection closes straight after, with the rest of the body unread
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** Reads on until the limit, then refuses to read more. */
    private static final class Limited extends ServletInputStream {
        private final ServletInputStream in;
        private final long max;
        private final boolean[] overLimit;
        private long read;

        Limited(ServletInputStream in, long max, boolean[] overLimit) {
            this.in = in;
            this.max = max;
            this.overLimit = overLimit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > max) {
                overLimit[0] = true;
                throw new IOException("Request body over " + max + " bytes");
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
