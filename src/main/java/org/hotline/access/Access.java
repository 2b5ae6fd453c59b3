package org.hotline.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.hotline.access.internal.AccessSettings;
import org.hotline.access.internal.FailedAttempts;
import org.hotline.access.internal.FailedAttempts.Kind;
import org.hotline.scenario.Side;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts, tokens, join codes and seats. Passwords are hashed; tokens are stored as hashes. */
@Service
public class Access {

    static final int MIN_PASSWORD = 10;
    static final int MAX_PASSWORD_BYTES = 72;

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final FailedAttempts failedAttempts;
    private final ApplicationEventPublisher events;
    private final Duration accountTokenLife;
    private final int seatsPerCode;
    private final int seatsPerExercise;

    public Access(JdbcTemplate jdbc, PasswordEncoder passwords, FailedAttempts failedAttempts, ApplicationEventPublisher events,
                  AccessSettings settings) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.failedAttempts = failedAttempts;
        this.events = events;
        this.accountTokenLife = settings.accountTokenLife();
        this.seatsPerCode = settings.maxSeatsPerCode();
        this.seatsPerExercise = settings.maxSeatsPerExercise();
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
        requireGoodPassword(password);
        if (accountRoles(username).isPresent()) {
            throw new AccessRefused(409, "INVALID", "username '" + username + "' is taken");
        }
        String roleList = roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
        jdbc.update("insert into account (username, password_hash, roles, created_at) values (?, ?, ?, ?)",
                username, passwords.encode(password), roleList, System.currentTimeMillis());
        return Caller.account(username, roles);
    }

    /** BCrypt reads at most 72 bytes: a longer password would be silently cut, so it is refused. */
    static void requireGoodPassword(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD
                || password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new AccessRefused(400, "INVALID", "password: at least " + MIN_PASSWORD + " characters and at most "
                    + MAX_PASSWORD_BYTES + " bytes");
        }
    }

    /**
     * Checks a password (POST /api/login and HTTP Basic). Failed checks are counted per client address;
     * past the limit the address is refused with 429 before the password is even looked at.
     */
    public Optional<Caller> checkPassword(String username, String password, String clientAddress) {
        failedAttempts.check(Kind.LOGIN, clientAddress);
        List<Map<String, Object>> rows = jdbc.queryForList("select password_hash, disabled from account where username = ?", username);
        if (rows.isEmpty() || password == null || password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES
                || !passwords.matches(password, (String) rows.get(0).get("password_hash"))) {
            failedAttempts.record(Kind.LOGIN, clientAddress);
            return Optional.empty();
        }
        if (isTrue(rows.get(0).get("disabled"))) {
            throw new AccessRefused(403, "FORBIDDEN", "This account has been disabled by a facilitator");
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
        return grant(token).map(TokenGrant::caller);
    }

    /**
     * Checks a token: an account's lives {@code hotline.access.account-token-life} (default 12 hours) from login and dies
     * with a disabled account; a seat's lives until the seat is removed (its token row is then deleted).
     */
    public Optional<TokenGrant> grant(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String hash = Secrets.hash(token);
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select t.username, t.created_at, a.disabled, p.player_id, p.exercise_id, p.name, p.role, p.side from access_token t "
                        + "left join player p on p.player_id = t.player_id left join account a on a.username = t.username "
                        + "where t.token_hash = ?", hash);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> row = rows.get(0);
        if (row.get("username") != null) {
            String username = (String) row.get("username");
            Instant expires = Instant.ofEpochMilli(((Number) row.get("created_at")).longValue()).plus(accountTokenLife);
            if (isTrue(row.get("disabled")) || !expires.isAfter(Instant.now())) {
                jdbc.update("delete from access_token where token_hash = ?", hash);
                return Optional.empty();
            }
            return accountRoles(username).map(roles -> new TokenGrant(Caller.account(username, roles), hash, expires));
        }
        if (row.get("player_id") == null) {
            return Optional.empty();
        }
        Caller seat = Caller.seat((String) row.get("exercise_id"), (String) row.get("player_id"),
                (String) row.get("name"), Role.valueOf((String) row.get("role")), side((String) row.get("side")));
        return Optional.of(new TokenGrant(seat, hash, null));
    }

    /** A boolean column as a row map holds it: a Boolean on H2 and PostgreSQL, 0 or 1 on SQLite (it has no boolean type). */
    private static boolean isTrue(Object column) {
        return column instanceof Boolean yes ? yes : column instanceof Number number && number.intValue() != 0;
    }

    /**
     * As {@link #grant(String)}, with failed checks counted per client address: past
     * {@code hotline.access.failed-tokens-per-minute} the address is refused (429) before any lookup.
     */
    public Optional<TokenGrant> grant(String token, String clientAddress) {
        failedAttempts.check(Kind.TOKEN, clientAddress);
        Optional<TokenGrant> grant = grant(token);
        if (grant.isEmpty()) {
            failedAttempts.record(Kind.TOKEN, clientAddress);
        }
        return grant;
    }

    /** A removed seat's token is refused from then on, everywhere (REST and STOMP). */
    @Transactional
    public void revokeSeat(String playerId) {
        revoke(jdbc.queryForList("select token_hash from access_token where player_id = ?", String.class, playerId),
                "the seat was removed");
    }

    /** Deletes tokens and tells the live sessions that ride on them. */
    void revoke(List<String> tokenHashes, String reason) {
        if (tokenHashes.isEmpty()) {
            return;
        }
        for (String hash : tokenHashes) {
            jdbc.update("delete from access_token where token_hash = ?", hash);
        }
        events.publishEvent(new TokensRevoked(List.copyOf(tokenHashes), reason));
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
        failedAttempts.check(Kind.JOIN, clientAddress);
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.codePointCount(0, cleanName.length()) > 60) {
            throw new AccessRefused(400, "INVALID", "name: 1 to 60 characters");
        }
        // Joins with one code wait for each other, so the seat count below is exact: the update locks the
        // code's row (the whole file on SQLite), where "select ... for update" is not understood everywhere.
        jdbc.update("update join_code set code = code where code = ?", Secrets.normaliseCode(code));
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
        requireSeatLeft(exerciseId, role, side);
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

    /** Seats are capped per join code (team, observer, notetaker) and per exercise, so one leaked code cannot flood a room. */
    private void requireSeatLeft(String exerciseId, Role role, Side side) {
        Integer onCode = side == null
                ? jdbc.queryForObject("select count(*) from player where exercise_id = ? and role = ? and side is null", Integer.class,
                        exerciseId, role.name())
                : jdbc.queryForObject("select count(*) from player where exercise_id = ? and role = ? and side = ?", Integer.class,
                        exerciseId, role.name(), side.name());
        if (onCode != null && onCode >= seatsPerCode) {
            throw new AccessRefused(409, "FULL", "This join code has no seats left (at most " + seatsPerCode
                    + "); ask the facilitator");
        }
        Integer inExercise = jdbc.queryForObject("select count(*) from player where exercise_id = ?", Integer.class, exerciseId);
        if (inExercise != null && inExercise >= seatsPerExercise) {
            throw new AccessRefused(409, "FULL", "This exercise has no seats left (at most " + seatsPerExercise
                    + "); ask the facilitator");
        }
    }

    private String insertCode(String exerciseId, Role role, Side side) {
        String code = Secrets.joinCode();
        jdbc.update("insert into join_code (code, exercise_id, role, side) values (?, ?, ?, ?)",
                code, exerciseId, role.name(), side == null ? null : side.name());
        return code;
    }

    Optional<Set<Role>> accountRoles(String username) {
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
