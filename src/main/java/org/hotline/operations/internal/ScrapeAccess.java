package org.hotline.operations.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.hotline.access.Access;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * /actuator/prometheus answers a facilitator's bearer token, or the scrape token an operator
 * configures for Prometheus ({@code hotline.operations.scrape-token}); nobody else. A missing or
 * unknown token gets 401, a valid token of someone else (a player) 403.
 */
@Configuration
class ScrapeAccess {

    private final Access access;
    private final byte[] scrapeToken;

    ScrapeAccess(Access access, ScrapeSettings settings) {
        this.access = access;
        this.scrapeToken = settings.scrapeToken().getBytes(StandardCharsets.UTF_8);
    }

    @Bean
    @Order(1)
    SecurityFilterChain metrics(HttpSecurity http) throws Exception {
        http.securityMatcher("/actuator/prometheus")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .anonymous(anonymous -> { })
                .authorizeHttpRequests(auth -> auth.anyRequest().access((authentication, context) -> {
                    Verdict verdict = verdict(context.getRequest());
                    context.getRequest().setAttribute(Verdict.class.getName(), verdict);
                    return new AuthorizationDecision(verdict == Verdict.ALLOWED);
                }))
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) -> refuse(request, response))
                        .authenticationEntryPoint((request, response, missing) -> refuse(request, response)));
        return http.build();
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean known = request.getAttribute(Verdict.class.getName()) == Verdict.NOT_A_FACILITATOR;
        response.setStatus(known ? 403 : 401);
        response.setContentType("application/json");
        response.getWriter().write(known
                ? "{\"code\":\"FORBIDDEN\",\"message\":\"Metrics are for facilitators and the configured scrape token\"}"
                : "{\"code\":\"UNAUTHORIZED\",\"message\":\"A facilitator's token or the scrape token is required "
                + "(Authorization: Bearer <token>)\"}");
    }

    enum Verdict { ALLOWED, NO_TOKEN, NOT_A_FACILITATOR }

    private Verdict verdict(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Verdict.NO_TOKEN;
        }
        String token = header.substring(7).strip();
        if (scrapeToken.length > 0 && MessageDigest.isEqual(scrapeToken, token.getBytes(StandardCharsets.UTF_8))) {
            return Verdict.ALLOWED;
        }
        return access.authenticate(token).map(caller -> caller.facilitator() ? Verdict.ALLOWED : Verdict.NOT_A_FACILITATOR)
                .orElse(Verdict.NO_TOKEN);
    }
}
