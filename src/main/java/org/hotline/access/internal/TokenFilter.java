package org.hotline.access.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.hotline.access.Access;
import org.hotline.access.AccessRefused;
import org.hotline.access.Caller;
import org.hotline.access.TokenGrant;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates REST calls from "Authorization: Bearer <token>" or, for accounts, HTTP Basic. */
class TokenFilter extends OncePerRequestFilter {

    private final Access access;

    TokenFilter(Access access) {
        this.access = access;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Caller> found;
        try {
            found = caller(request.getHeader("Authorization"), request.getRemoteAddr());
        } catch (AccessRefused refused) {
            // Too many failed passwords or tokens from this address: answered like a refused POST /api/login.
            response.setStatus(refused.status());
            response.setContentType("application/json");
            response.getWriter().write("{\"code\":\"" + refused.code() + "\",\"message\":\""
                    + refused.getMessage().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
            return;
        }
        found.ifPresent(caller -> {
            String role = caller.facilitator() ? "ROLE_FACILITATOR" : "ROLE_" + (caller.role() == null ? "ACCOUNT" : caller.role().name());
            SecurityContextHolder.getContext().setAuthentication(
                    new UsernamePasswordAuthenticationToken(caller, null, AuthorityUtils.createAuthorityList(role)));
        });
        chain.doFilter(request, response);
    }

    private Optional<Caller> caller(String header, String clientAddress) {
        if (header == null) {
            return Optional.empty();
        }
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return access.grant(header.substring(7).strip(), clientAddress).map(TokenGrant::caller);
        }
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                return colon < 0 ? Optional.empty() : access.checkPassword(pair.substring(0, colon), pair.substring(colon + 1), clientAddress);
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
