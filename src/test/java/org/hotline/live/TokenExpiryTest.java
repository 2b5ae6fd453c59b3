package org.hotline.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Account tokens expire after hotline.access.account-token-life; a live session ends when its token does. */
@TestPropertySource(properties = "hotline.access.account-token-life=3s")
class TokenExpiryTest extends WireTest {

    @Test
    void anExpiredAccountTokenIsRefusedAndItsSessionEnds() {
        String token = wire.login();
        Wire.Client live = connect(token).subscribeQueues();
        ready(live);
        assertThat(wire.get("/api/me", token).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> !live.connected());
        assertThat(live.received).anyMatch(r -> r.destination().equals("ERROR")
                && r.body().get("message").asString().contains("expired"));
        assertThat(wire.get("/api/me", token).status()).isEqualTo(401);
        assertThat(wire.login()).isNotBlank();
    }

    /** A round trip: the session is connected and subscribed. */
    static void ready(Wire.Client client) {
        String commandId = client.send("/app/exercise.none.sync", java.util.Map.of("after", 0));
        client.error(commandId);
    }
}
