package org.hotline.access;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.hotline.access.internal.FailedAttempts;
import org.hotline.access.internal.FailedAttempts.Kind;
import org.hotline.scenario.Side;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts, tokens, join codes and seats. Passwords are hashed; tokens are stored as hashes. */
@Service
public class Access {

    static final int MIN_PASSWORD = 10;

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final FailedAttempts failedAttempts;

    public Access(JdbcTemplate jdbc, PasswordEncoder passwords, FailedAttempts failedAttempts) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.failedAttempts = failedAttempts;
    }

    public boolean anyAccount() {
        Integer count = jdbc.queryForObject("select count(*) from account", Integer.class);
        return count != null && count > 0;
    }

    @Transactional
    public Caller createAccount(String username, String password, Set<Role> roles) {
        if (username == null || !username.matches("[A-Za-z0-9._-]{2,100}")) {
            throw new AccessRefused(400, "INVALID", "username: 2 to 100 letters, digits, '.', '_' or '-'");
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new AccessRefused(400, "INVALID", "password: at least " + MIN_PASSWORD + " characters");
        }
        if (accountRoles(username).isPresent()) {
            throw new AccessRefused(409, "INVALID", "username '" + username + "' is taken");
        }
        String roleList = roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
        jdbc.update("insert into account (username, password_hash, roles, created_at) values (?, ?, ?, ?)",
                username, passwords.encode(password), roleList, System.currentTimeMillis());
        return Caller.account(username, roles);
    }

    /**
     * Checks a password (POST /api/login and HTTP Basic). Failed checks are counted per client address;
     * past the limit the address is refused with 429 before the password is even looked at.
     */
    public Optional<Caller> checkPassword(String username, String password, String clientAddress) {
        if (failedAttempts.blocked(Kind.LOGIN, clientAddress)) {
            throw new AccessRefused(429, "RATE_LIMITED", "Too many failed logins from this address; wait a minute");
        }
        List<String> hashes = jdbc.queryForList("select password_hash from account where username = ?", String.class, username);
        if (hashes.isEmpty() || password == null || !passwords.matches(password, hashes.get(0))) {
            failedAttempts.record(Kind.LOGIN, clientAddress);
            return Optional.empty();
        }
        return accountRoles(username).map(roles -> Caller.account(username, roles));
    }

    /** Logs an account in: a fresh token. */
    public String login(String username, String password, String clientAddress) {
        Caller caller = checkPassword(username, password, clientAddress)
                .orElseThrow(() -> new AccessRefused(401, "UNAUTHORIZED", "Wrong username or password"));
        String token = Secrets.token();
        jdbc.update("insert into access_token (token_hash, username, player_id, created_at) values (?, ?, null, ?)",
                Secrets.hash(token), caller.username(), System.currentTimeMillis());
        return token;
    }

    public Optional<Caller> authenticate(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select t.username, p.player_id, p.exercise_id, p.name, p.role, p.side from access_token t "
                        + "left join player p on p.player_id = t.player_id where t.token_hash = ?", Secrets.hash(token));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> row = rows.get(0);
        if (row.get("username") != null) {
            String username = (String) row.get("username");
            return accountRoles(username).map(roles -> Caller.account(username, roles));
        }
        if (row.get("player_id") == null) {
            return Optional.empty();
        }
        return Optional.of(Caller.seat((String) row.get("exercise_id"), (String) row.get("player_id"),
                (String) row.get("name"), Role.valueOf((String) row.get("role")), side((String) row.get("side"))));
    }

    /** Codes for each team, observers and the notetaker of a new exercise. */
    @Transactional
    public Map<String, String> issueJoinCodes(String exerciseId) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (Side side : Side.values()) {
            codes.put(side.name(), insertCode(exerciseId, Role.PLAYER, side));
        }
        codes.put(Role.OBSERVER.name(), insertCode(exerciseId, Role.OBSERVER, null));
        codes.put(Role.NOTETAKER.name(), insertCode(exerciseId, Role.NOTETAKER, null));
        return codes;
    }

    public Map<String, String> joinCodes(String exerciseId) {
        Map<String, String> codes = new LinkedHashMap<>();
        jdbc.query("select code, role, side from join_code where exercise_id = ?", rs -> {
            codes.put(rs.getString("side") != null ? rs.getString("side") : rs.getString("role"), rs.getString("code"));
        }, exerciseId);
        return codes;
    }

    /** Joins with a code; failed attempts are counted per client address and limited. */
    public Seat join(String code, String name, String clientAddress) {
        return join(code, name, clientAddress, exerciseId -> { });
    }

    /** As {@link #join(String, String, String)}; {@code admit} may refuse the code's exercise (by throwing) before a seat is made. */
    @Transactional
    public Seat join(String code, String name, String clientAddress, Consumer<String> admit) {
        if (failedAttempts.blocked(Kind.JOIN, clientAddress)) {
            throw new AccessRefused(429, "RATE_LIMITED", "Too many failed joins from this address; wait a minute");
        }
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 60) {
            throw new AccessRefused(400, "INVALID", "name: 1 to 60 characters");
        }
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select exercise_id, role, side from join_code where code = ?", Secrets.normaliseCode(code));
        if (rows.isEmpty()) {
            failedAttempts.record(Kind.JOIN, clientAddress);
            throw new AccessRefused(403, "FORBIDDEN", "Unknown join code");
        }
        Map<String, Object> row = rows.get(0);
        String exerciseId = (String) row.get("exercise_id");
        admit.accept(exerciseId);
        Role role = Role.valueOf((String) row.get("role"));
        Side side = side((String) row.get("side"));
        String playerId = Secrets.id("p-", 12);
        String token = Secrets.token();
        long now = System.currentTimeMillis();
        jdbc.update("insert into player (player_id, exercise_id, name, role, side, created_at) values (?, ?, ?, ?, ?, ?)",
                playerId, exerciseId, cleanName, role.name(), side == null ? null : side.name(), now);
        jdbc.update("insert into access_token (token_hash, username, player_id, created_at) values (?, null, ?, ?)",
                Secrets.hash(token), playerId, now);
        return new Seat(token, exerciseId, playerId, cleanName, role, side);
    }

    /**
     * Replaces the join code of a removed seat's team (or observer or notetaker code), so the removed
     * person cannot join again under another name with the code they were given.
     */
    @Transactional
    public String rotateJoinCode(String exerciseId, Role role, Side side) {
        String code = Secrets.joinCode();
        int rows = side == null
                ? jdbc.update("update join_code set code = ? where exercise_id = ? and role = ? and side is null", code, exerciseId, role.name())
                : jdbc.update("update join_code set code = ? where exercise_id = ? and role = ? and side = ?", code, exerciseId,
                        role.name(), side.name());
        if (rows == 0) {
            throw new IllegalStateException("No " + role + " join code for exercise " + exerciseId);
        }
        return code;
    }

    private String insertCode(String exerciseId, Role role, Side side) {
        String code = Secrets.joinCode();
        jdbc.update("insert into join_code (code, exercise_id, role, side) values (?, ?, ?, ?)",
                code, exerciseId, role.name(), side == null ? null : side.name());
        return code;
    }

    private Optional<Set<Role>> accountRoles(String username) {
        List<String> roles = jdbc.queryForList("select roles from account where username = ?", String.class, username);
        if (roles.isEmpty()) {
            return Optional.empty();
        }
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.get(0).split(",")).filter(r -> !r.isBlank()).map(Role::valueOf).forEach(parsed::add);
        return Optional.of(parsed);
    }

    private static Side side(String name) {
        return name == null ? null : Side.valueOf(name);
    }
}
