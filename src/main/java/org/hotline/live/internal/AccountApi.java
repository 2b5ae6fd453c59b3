package org.hotline.live.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.Map;
import org.hotline.access.Access;
import org.hotline.access.AccessRefused;
import org.hotline.access.Caller;
import org.hotline.access.FirstAccount;
import org.hotline.access.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** First account, login, who-am-I and more facilitator accounts. */
@RestController
class AccountApi {

    record SetupRequest(String token, String username, String password) {
    }

    record Credentials(String username, String password) {
    }

    record Me(String kind, String username, java.util.Set<Role> roles, String exerciseId, String playerId, String name,
              Role role, org.hotline.scenario.Side side) {
    }

    private final Access access;
    private final FirstAccount firstAccount;

    AccountApi(Access access, FirstAccount firstAccount) {
        this.access = access;
        this.firstAccount = firstAccount;
    }

    @PostMapping("/api/setup")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> setup(@RequestBody SetupRequest request) {
        Caller caller = firstAccount.setup(request.token(), request.username(), request.password());
        return Map.of("username", caller.username(), "roles", caller.accountRoles());
    }

    @PostMapping("/api/login")
    Map<String, Object> login(@RequestBody Credentials request, HttpServletRequest http) {
        String token = access.login(request.username(), request.password(), http.getRemoteAddr());
        Caller caller = access.authenticate(token).orElseThrow();
        return Map.of("token", token, "username", caller.username(), "roles", caller.accountRoles());
    }

    @GetMapping("/api/me")
    Me me(@AuthenticationPrincipal Caller caller) {
        return new Me(caller.kind().name(), caller.username(), caller.accountRoles(), caller.exerciseId(),
                caller.playerId(), caller.name(), caller.role(), caller.side());
    }

    @PostMapping("/api/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(@AuthenticationPrincipal Caller caller, @RequestBody Credentials request) {
        if (!caller.facilitator()) {
            throw new AccessRefused(403, "FORBIDDEN", "Only a facilitator creates accounts");
        }
        Caller created = access.createAccount(request.username(), request.password(), EnumSet.of(Role.FACILITATOR));
        return Map.of("username", created.username(), "roles", created.accountRoles());
    }
}
