package org.ewn.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ewn.api.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses oversized request bodies before they are read, and bodies of unknown length, so that no
 * caller can make the network buffer more than {@code maxBytes} for one request.
 */
final class RequestSizeLimit extends OncePerRequestFilter {

    private final long maxBytes;
    private final ProblemResponses problems = new ProblemResponses();

    RequestSizeLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        boolean chunked = request.getHeader("Transfer-Encoding") != null;
        if (length > maxBytes) {
            problems.write(response, HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE,
                    "The request body is larger than the limit of " + maxBytes + " bytes");
            return;
        }
        if (chunked && length < 0) {
            problems.write(response, HttpStatus.LENGTH_REQUIRED, ProblemTypes.MALFORMED_REQUEST,
                    "Send a Content-Length header; bodies of unknown length are not accepted");
            return;
        }
        chain.doFilter(request, response);
    }
}
