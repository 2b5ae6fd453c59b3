package org.hotline.access;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account administration by facilitators: list, create, reset a password, disable and enable; and
 * logout. A disabled account cannot log in, and every token it holds dies with its live sessions.
 */
@Service
public class Accounts {

    /** One account as the admin page lists it; {@code role} is its main role (FACILITATOR before ANALYST). */
    public record Entry(String username, Role role, Set<Role> roles, boolean disabled, Instant created) {
    }

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final Access access;

    public Accounts(JdbcTemplate jdbc, PasswordEncoder passwords, Access access) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.access = access;
    }

    public List<Entry> list() {
        return jdbc.query("select username, disabled, created_at from account order by username", (rs, i) -> {
            String username = rs.getString("username");
            Set<Role> roles = access.accountRoles(username).orElse(Set.of());
            Role main = roles.contains(Role.FACILITATOR) ? Role.FACILITATOR : roles.stream().findFirst().orElse(null);
            return new Entry(username, main, roles, rs.getBoolean("disabled"), Instant.ofEpochMilli(rs.getLong("created_at")));
        });
    }

    /** A new FACILITATOR or ANALYST account (the only account roles). */
    public Caller create(String username, String password, Role role) {
        if (role != Role.FACILITATOR && role != Role.ANALYST) {
            throw new AccessRefused(400, "INVALID", "role: FACILITATOR or ANALYST");
        }
        return access.createAccount(username, password, EnumSet.of(role));
    }

    /**
     * Sets a new password. The account's other tokens die (a reset usually means the old password
     * leaked); {@code keepTokenHash}, the resetting caller's own token, lives on.
     */
    @Transactional
    public void resetPassword(String username, String password, String keepTokenHash) {
        requireAccount(username);
        Access.requireGoodPassword(password);
        jdbc.update("update account set password_hash = ? where username = ?", passwords.encode(password), username);
        List<String> tokens = jdbc.queryForList("select token_hash from access_token where username = ?", String.class, username);
        access.revoke(tokens.stream().filter(hash -> !hash.equals(keepTokenHash)).toList(), "the password was reset");
    }

    @Transactional
    public void disable(Caller by, String username) {
        requireAccount(username);
        if (username.equals(by.username())) {
            throw new AccessRefused(409, "INVALID", "You cannot disable your own account");
        }
        jdbc.update("update account set disabled = true where username = ?", username);
        access.revoke(jdbc.queryForList("select token_hash from access_token where username = ?", String.class, username),
                "the account was disabled");
    }

    @Transactional
    public void enable(String username) {
        requireAccount(username);
        jdbc.update("update account set disabled = false where username = ?", username);
    }

    /** The token dies at once, and so do the live sessions opened with it. */
    @Transactional
    public void logout(String token) {
        if (token != null && !token.isBlank()) {
            access.revoke(List.of(Secrets.hash(token)), "logged out");
        }
    }

    private void requireAccount(String username) {
        if (username == null || access.accountRoles(username).isEmpty()) {
            throw new AccessRefused(404, "UNKNOWN_ACCOUNT", "No account with that username");
        }
    }
}
