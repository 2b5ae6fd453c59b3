package org.hotline.live.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.access.Access;
import org.hotline.access.AccessRefused;
import org.hotline.access.Accounts;
import org.hotline.access.Caller;
import org.hotline.access.FirstAccount;
import org.hotline.access.Role;
import org.hotline.access.Secrets;
import org.hotline.scenario.Side;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** First account, login and logout, who-am-I, and the facilitators' account administration (docs/protocol.md section 1). */
@RestController
class AccountApi {

    record SetupRequest(String token, String username, String password) {
    }

    record Credentials(String username, String password) {
    }

    record NewAccount(String username, String password, Role role) {
    }

    record NewPassword(String password) {
    }

    record Me(String kind, String username, Set<Role> roles, String exerciseId, String playerId, String name,
              Role role, Side side) {
    }

    private final Access access;
    private final Accounts accounts;
    private final FirstAccount firstAccount;

    AccountApi(Access access, Accounts accounts, FirstAccount firstAccount) {
        this.access = access;
        this.accounts = accounts;
        this.firstAccount = firstAccount;
    }

    @PostMapping("/api/setup")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> setup(@RequestBody SetupRequest request, HttpServletRequest http) {
        Caller caller = firstAccount.setup(request.token(), request.username(), request.password(), http.getRemoteAddr());
        return Map.of("username", caller.username(), "roles", caller.accountRoles());
    }

    @PostMapping("/api/login")
    Map<String, Object> login(@RequestBody Credentials request, HttpServletRequest http) {
        String token = access.login(request.username(), request.password(), http.getRemoteAddr());
        Caller caller = access.authenticate(token).orElseThrow();
        return Map.of("token", token, "username", caller.username(), "roles", caller.accountRoles());
    }

    /** Ends the caller's token (and the live sessions opened with it). */
    @PostMapping("/api/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(HttpServletRequest http) {
        accounts.logout(bearer(http));
    }

    @GetMapping("/api/me")
    Me me(@AuthenticationPrincipal Caller caller) {
        return new Me(caller.kind().name(), caller.username(), caller.accountRoles(), caller.exerciseId(),
                caller.playerId(), caller.name(), caller.role(), caller.side());
    }

    @GetMapping("/api/accounts")
    List<Accounts.Entry> list(@AuthenticationPrincipal Caller caller) {
        requireFacilitator(caller);
        return accounts.list();
    }

    @PostMapping("/api/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(@AuthenticationPrincipal Caller caller, @RequestBody NewAccount request) {
        requireFacilitator(caller);
        Caller created = accounts.create(request.username(), request.password(), request.role() == null ? Role.FACILITATOR : request.role());
        return Map.of("username", created.username(), "roles", created.accountRoles());
    }

    @PostMapping("/api/accounts/{username}/password")
    Accounts.Entry resetPassword(@AuthenticationPrincipal Caller caller, @PathVariable String username,
                                 @RequestBody NewPassword request, HttpServletRequest http) {
        requireFacilitator(caller);
        String own = bearer(http);
        accounts.resetPassword(username, request.password(), own == null ? null : Secrets.hash(own));
        return entry(username);
    }

    @PostMapping("/api/accounts/{username}/disable")
    Accounts.Entry disable(@AuthenticationPrincipal Caller caller, @PathVariable String username) {
        requireFacilitator(caller);
        accounts.disable(caller, username);
        return entry(username);
    }

    @PostMapping("/api/accounts/{username}/enable")
    Accounts.Entry enable(@AuthenticationPrincipal Caller caller, @PathVariable String username) {
        requireFacilitator(caller);
        accounts.enable(username);
        return entry(username);
    }

    private Accounts.Entry entry(String username) {
        return accounts.list().stream().filter(e -> e.username().equals(username)).findFirst().orElseThrow();
    }

    private static String bearer(HttpServletRequest http) {
        String header = http.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
    }

    private static void requireFacilitator(Caller caller) {
        if (caller == null || !caller.facilitator()) {
            throw new AccessRefused(403, "FORBIDDEN", "Only a facilitator manages accounts");
        }
    }
}
