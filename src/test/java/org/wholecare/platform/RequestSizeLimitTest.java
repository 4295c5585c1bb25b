package org.wholecare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Bodies sent without a length are read no further than the limit, as bytes or as characters. */
class RequestSizeLimitTest {

    private static final int LIMIT = 1024;

    /** A body of {@code size} bytes whose length the client did not say (sent in chunks). */
    private static MockHttpServletRequest chunked(int size) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
        request.setContent(new byte[size]);
        request.setCharacterEncoding("UTF-8");
        return request;
    }

    /** Reads the whole body the way Vaadin reads its messages, and answers 200 if it could. */
    private static HttpServlet readingAll(AtomicLong read, boolean asCharacters) {
        return new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) {
                try {
                    if (asCharacters) {
                        var reader = request.getReader();
                        while (reader.read() >= 0) {
                            read.incrementAndGet();
                        }
                    } else {
                        var in = request.getInputStream();
                        while (in.read() >= 0) {
                            read.incrementAndGet();
                        }
                    }
                    response.setStatus(200);
                } catch (IOException cutOff) {
                    // what a reader does with a body that stops: answers as it can
                    response.setStatus(500);
                }
            }
        };
    }

    @Test
    void aLongBodyReadAsCharactersStopsAtTheLimitAndIsRefused() throws Exception {
        AtomicLong read = new AtomicLong();
        MockHttpServletResponse response = new MockHttpServletResponse();
        new RequestSizeLimit(LIMIT).doFilter(chunked(50 * LIMIT), response, new MockFilterChain(readingAll(read, true)));
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(read.get()).isLessThanOrEqualTo(LIMIT);
    }

    @Test
    void aLongBodyReadAsBytesStopsAtTheLimitAndIsRefused() throws Exception {
        AtomicLong read = new AtomicLong();
        MockHttpServletResponse response = new MockHttpServletResponse();
        new RequestSizeLimit(LIMIT).doFilter(chunked(50 * LIMIT), response, new MockFilterChain(readingAll(read, false)));
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(read.get()).isLessThanOrEqualTo(LIMIT);
    }

    @Test
    void aBodyWithinTheLimitIsReadWhole() throws Exception {
        AtomicLong read = new AtomicLong();
        MockHttpServletResponse response = new MockHttpServletResponse();
        new RequestSizeLimit(LIMIT).doFilter(chunked(LIMIT), response, new MockFilterChain(readingAll(read, true)));
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(read.get()).isEqualTo(LIMIT);
    }
}
