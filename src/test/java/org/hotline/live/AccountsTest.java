package org.hotline.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The facilitators' account administration from the wire (docs/protocol.md section 1): list, create,
 * reset a password, disable and enable, logout; a dead token is refused on REST and STOMP and its live
 * sessions end with an ERROR frame.
 */
class AccountsTest extends WireTest {

    private static final String PASSWORD = "a-long-enough-password";

    @Test
    void aFacilitatorListsAndCreatesFacilitatorAndAnalystAccounts() {
        String admin = wire.login();
        String name = unique("analyst");
        Wire.Response created = wire.post("/api/accounts", Map.of("username", name, "password", PASSWORD, "role", "ANALYST"), admin);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("roles").values().iterator().next().asString()).isEqualTo("ANALYST");
        String facilitator = unique("control");
        assertThat(wire.post("/api/accounts", Map.of("username", facilitator, "password", PASSWORD), admin).status()).isEqualTo(201);

        JsonNode list = wire.get("/api/accounts", admin).body();
        assertThat(entry(list, Wire.ADMIN).get("role").asString()).isEqualTo("FACILITATOR");
        assertThat(entry(list, name).get("role").asString()).isEqualTo("ANALYST");
        assertThat(entry(list, name).get("disabled").asBoolean()).isFalse();
        assertThat(entry(list, facilitator).get("role").asString()).isEqualTo("FACILITATOR");
        assertThat(list.toString()).doesNotContain("password", "hash");

        Wire.Response player = wire.post("/api/accounts", Map.of("username", unique("p"), "password", PASSWORD, "role", "PLAYER"), admin);
        assertThat(player.status()).isEqualTo(400);
        assertThat(player.body().get("code").asString()).isEqualTo("INVALID");
        assertThat(player.body().get("message").asString()).contains("role");
        Wire.Response taken = wire.post("/api/accounts", Map.of("username", name, "password", PASSWORD), admin);
        assertThat(taken.status()).isEqualTo(409);
        Wire.Response tooLong = wire.post("/api/accounts", Map.of("username", unique("long"), "password", "x".repeat(73)), admin);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().get("message").asString()).contains("72 bytes");
    }

    @Test
    void onlyFacilitatorsManageAccounts() {
        String admin = wire.login();
        String name = unique("analyst");
        wire.post("/api/accounts", Map.of("username", name, "password", PASSWORD, "role", "ANALYST"), admin);
        String analyst = login(name, PASSWORD);
        Table t = new Table("AUTOMATIC", Map.of());
        String seat = t.w1Seat.get("token").asString();
        for (String token : new String[] {analyst, seat}) {
            assertThat(wire.get("/api/accounts", token).status()).isEqualTo(403);
            assertThat(wire.post("/api/accounts", Map.of("username", unique("x"), "password", PASSWORD), token).status()).isEqualTo(403);
            assertThat(wire.post("/api/accounts/" + Wire.ADMIN + "/password", Map.of("password", PASSWORD), token).status()).isEqualTo(403);
            assertThat(wire.post("/api/accounts/" + Wire.ADMIN + "/disable", Map.of(), token).status()).isEqualTo(403);
            assertThat(wire.post("/api/accounts/" + name + "/enable", Map.of(), token).status()).isEqualTo(403);
        }
        assertThat(wire.get("/api/accounts", null).status()).isEqualTo(401);
        assertThat(wire.post("/api/accounts/nobody-here/disable", Map.of(), admin).body().get("code").asString())
                .isEqualTo("UNKNOWN_ACCOUNT");
    }

    @Test
    void aResetPasswordEndsTheAccountsOtherTokens() {
        String admin = wire.login();
        String name = unique("control");
        String old = newFacilitator(admin, name);
        Wire.Client live = connected(old);

        Wire.Response reset = wire.post("/api/accounts/" + name + "/password", Map.of("password", "another-long-password"), admin);
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.body().get("username").asString()).isEqualTo(name);
        assertThat(wire.get("/api/me", old).status()).isEqualTo(401);
        assertEnded(live);
        assertThat(wire.post("/api/login", Map.of("username", name, "password", PASSWORD), null).status()).isEqualTo(401);
        assertThat(login(name, "another-long-password")).isNotBlank();
        // The facilitator who reset it keeps their own token.
        assertThat(wire.get("/api/me", admin).status()).isEqualTo(200);
    }

    @Test
    void aDisabledAccountIsRefusedEverywhereUntilEnabled() {
        String admin = wire.login();
        String name = unique("control");
        String token = newFacilitator(admin, name);
        Wire.Client live = connected(token);

        Wire.Response disabled = wire.post("/api/accounts/" + name + "/disable", Map.of(), admin);
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.body().get("disabled").asBoolean()).isTrue();
        assertThat(wire.get("/api/me", token).status()).isEqualTo(401);
        assertEnded(live);
        Wire.Response refused = wire.post("/api/login", Map.of("username", name, "password", PASSWORD), null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("message").asString()).contains("disabled");
        assertThat(wire.post("/api/login", Map.of("username", name, "password", "a-wrong-password"), null).status()).isEqualTo(401);

        Wire.Response self = wire.post("/api/accounts/" + Wire.ADMIN + "/disable", Map.of(), admin);
        assertThat(self.status()).isEqualTo(409);
        assertThat(self.body().get("message").asString()).contains("your own account");

        assertThat(wire.post("/api/accounts/" + name + "/enable", Map.of(), admin).body().get("disabled").asBoolean()).isFalse();
        String again = login(name, PASSWORD);
        assertThat(wire.get("/api/me", again).body().get("username").asString()).isEqualTo(name);
        assertThat(wire.get("/api/me", token).status()).as("a token from before the disable stays dead").isEqualTo(401);
    }

    @Test
    void logoutEndsThatTokenAndItsSessionsOnly() {
        String first = wire.login();
        String second = wire.login();
        Wire.Client live = connected(first);
        Wire.Client other = connected(second);

        assertThat(wire.post("/api/logout", Map.of(), first).status()).isEqualTo(204);
        assertThat(wire.get("/api/me", first).status()).isEqualTo(401);
        assertThat(wire.post("/api/logout", Map.of(), first).status()).isEqualTo(401);
        assertEnded(live);
        assertThat(wire.get("/api/me", second).status()).isEqualTo(200);
        assertThat(other.connected()).isTrue();
    }

    @Test
    void aRemovedSeatsTokenIsRefusedOnRestAndStomp() {
        Table t = new Table("AUTOMATIC", Map.of());
        String token = t.m1Seat.get("token").asString();
        assertThat(wire.get("/api/me", token).status()).isEqualTo(200);
        t.control(Map.of("type", "REMOVE_PLAYER", "playerId", t.m1Seat.get("playerId").asString()));
        await().atMost(Wire.WAIT).until(() -> wire.get("/api/me", token).status() == 401);
        assertThatThrownBy(() -> wire.connect(token)).hasMessageContaining("STOMP connect failed");
    }

    /** A facilitator account made by {@code admin}, signed in: its token. */
    private String newFacilitator(String admin, String name) {
        wire.post("/api/accounts", Map.of("username", name, "password", PASSWORD), admin);
        return login(name, PASSWORD);
    }

    /** A live session on the token, subscribed to its queues and answering. */
    private Wire.Client connected(String token) {
        Wire.Client live = connect(token).subscribeQueues();
        ready(live);
        return live;
    }

    private static void ready(Wire.Client client) {
        TokenExpiryTest.ready(client);
    }

    private static void assertEnded(Wire.Client live) {
        await().atMost(Wire.WAIT).until(() -> !live.connected());
        assertThat(live.received).anyMatch(r -> r.destination().equals("ERROR")
                && r.body().get("message").asString().contains("UNAUTHORIZED"));
    }

    private String login(String username, String password) {
        Wire.Response response = wire.post("/api/login", Map.of("username", username, "password", password), null);
        assertThat(response.status()).as("login %s", response).isEqualTo(200);
        return response.body().get("token").asString();
    }

    private static JsonNode entry(JsonNode list, String username) {
        for (JsonNode account : list) {
            if (account.get("username").asString().equals(username)) {
                return account;
            }
        }
        throw new AssertionError("no account " + username + " in " + list);
    }

    private static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }
}
