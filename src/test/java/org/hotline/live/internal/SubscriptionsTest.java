package org.hotline.live.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Who {@link Delivery} writes a topic's events to, as sessions subscribe, leave and close. */
class SubscriptionsTest {

    private static final String PUBLIC = "/topic/exercise.x1.public";
    private static final String CONTROL = "/topic/exercise.x1.control";

    private final Set<String> open = ConcurrentHashMap.newKeySet();
    private final Subscriptions subscriptions = new Subscriptions(5, open::contains);

    @Test
    void aSessionsSubscriptionsGoWhenItCloses() {
        open.add("s1");
        open.add("s2");
        subscriptions.add("s1", "a", PUBLIC);
        subscriptions.add("s2", "b", PUBLIC);
        assertThat(subscriptions.of(PUBLIC)).extracting(Subscriptions.Subscriber::sessionId).containsExactly("s1", "s2");

        open.remove("s1");
        subscriptions.forget("s1");
        assertThat(subscriptions.of(PUBLIC)).extracting(Subscriptions.Subscriber::sessionId).containsExactly("s2");
    }

    @Test
    void aSubscribeHandledAfterItsSocketClosedIsNotKept() {
        open.add("s1");
        subscriptions.add("s1", "a", PUBLIC);
        // The socket closes: the session leaves the open ones, then its disconnect event forgets it.
        open.remove("s1");
        subscriptions.forget("s1");
        // A SUBSCRIBE the client sent before closing reaches the gate only now (frames are handled in order).
        assertThat(subscriptions.problem("s1", "c", CONTROL)).isNull();
        subscriptions.add("s1", "c", CONTROL);

        assertThat(subscriptions.of(CONTROL)).isEmpty();
        assertThat(subscriptions.of(PUBLIC)).isEmpty();
        assertThat(subscriptions.idOf("s1", CONTROL)).isNull();
    }

    @Test
    void anUnsubscribedTopicGetsNothingMoreAndItsIdCanBeUsedAgain() {
        open.add("s1");
        subscriptions.add("s1", "a", PUBLIC);
        assertThat(subscriptions.remove("s1", "a")).isTrue();
        assertThat(subscriptions.of(PUBLIC)).isEmpty();
        assertThat(subscriptions.remove("s1", "a")).isFalse();
        assertThat(subscriptions.problem("s1", "a", PUBLIC)).isNull();
    }
}
