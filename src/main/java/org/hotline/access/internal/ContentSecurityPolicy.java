package org.hotline.access.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The browser client's Content-Security-Policy: scripts only from this server, never inline, except
 * the one import map every page carries (browsers cannot load an import map from a file, so it is
 * allowed by its hash). Styles only from files; the client sets styles through the CSSOM only.
 */
@Component
class ContentSecurityPolicy extends OncePerRequestFilter {

    /** The import map of every page in web/ (WebPagesTest checks that they carry exactly this). */
    static final String IMPORT_MAP = "{\"imports\":{\"@stomp/stompjs\":\"/webjars/stomp__stompjs/esm6/index.js\","
            + "\"uplot\":\"/webjars/uplot/dist/uPlot.esm.js\"}}";

    static final String POLICY = "default-src 'self'; script-src 'self' 'sha256-" + sha256(IMPORT_MAP) + "'; "
            + "style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; "
            + "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /** The API browser (springdoc's Swagger UI, /swagger-ui/) injects one style element: allowed by its hash there only. */
    static final String API_BROWSER_POLICY = POLICY.replace("style-src 'self'",
            "style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='");

    /** The client uses none of the browser's powerful features. */
    static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), "
            + "midi=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=(), fullscreen=(self)";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", request.getRequestURI().startsWith("/swagger-ui/") ? API_BROWSER_POLICY : POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        // Join codes and exercise ids travel in page addresses: never hand them to another site.
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Permissions-Policy", PERMISSIONS);
        chain.doFilter(request, response);
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
