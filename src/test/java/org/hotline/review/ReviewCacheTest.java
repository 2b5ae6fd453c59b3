package org.hotline.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Cache;
import java.lang.reflect.Field;
import org.hotline.exercise.Command;
import org.hotline.scenario.Side;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A review read again is served from the cache (ReviewCache) and must be the very answer computed
 * from the log; a new event makes the next read compute it afresh, with that event in it. Read over
 * REST as the facilitator's browser reads it. After new events the review is computed from the
 * cached one's log and the events after it: the very answer a review computed from nothing gives.
 */
class ReviewCacheTest extends ReviewTestBase {

    @Autowired
    ApplicationContext context;

    @Test
    void aReviewReadAfterNewEventsIsTheOneComputedFromTheWholeLog() throws Exception {
        Table table = new Table("AUTOMATIC", 17);
        table.control(new Command.Control.Start());
        table.playTurn(1, false);
        String path = "/api/reviews/" + table.id;
        assertThat(text(path, facilitatorToken).status()).isEqualTo(200);
        // A turn and a note after the read: drafts, views as changes, results.
        table.control(new Command.Control.Advance());
        table.send(table.control, new Command.Note("MOMENT", "between the turns", null));
        table.playTurn(2, false);
        Text grown = text(path, facilitatorToken);
        assertThat(grown.body()).contains("between the turns");
        forgetReviews();
        assertThat(text(path, facilitatorToken).body()).isEqualTo(grown.body());
    }

    /** Empties the review cache (ReviewCache's entries), as a server that has read no review yet. */
    private void forgetReviews() throws ReflectiveOperationException {
        Object cache = context.getBean("reviewCache");
        Field entries = cache.getClass().getDeclaredField("byExercise");
        entries.setAccessible(true);
        ((Cache<?, ?>) entries.get(cache)).invalidateAll();
    }

    @Test
    void aReviewReadAgainIsTheComputedOneAndANewEventShowsAtOnce() {
        Table table = new Table("REVIEWED", 31);
        table.control(new Command.Control.Start());
        table.playTurn(1, true);
        String path = "/api/reviews/" + table.id;

        Text computed = text(path, facilitatorToken);
        assertThat(computed.status()).isEqualTo(200);
        Text cached = text(path, facilitatorToken);
        assertThat(cached.body()).isEqualTo(computed.body());

        table.send(table.control, new Command.Note("MOMENT", "a note written after the review was read", null));
        Text afterTheNote = text(path, facilitatorToken);
        assertThat(afterTheNote.body()).contains("a note written after the review was read");
        assertThat(computed.body()).doesNotContain("a note written after the review was read");
        assertThat(text(path, facilitatorToken).body()).isEqualTo(afterTheNote.body());

        // Ended and released: the facilitator's read is cached again, and a player's read of the same
        // cached review is cut to what the player may see (the staff's note stays out).
        table.control(new Command.Control.End("one turn played"));
        assertThat(wire.post(path + "/release", "", facilitatorToken).status()).isEqualTo(200);
        Text ended = text(path, facilitatorToken);
        assertThat(ended.body()).isNotEqualTo(afterTheNote.body()).contains("one turn played");
        assertThat(text(path, facilitatorToken).body()).isEqualTo(ended.body());
        Text player = text(path, table.token(Side.WASHINGTON));
        assertThat(player.status()).isEqualTo(200);
        assertThat(player.body()).contains("one turn played").doesNotContain("a note written after the review was read");
    }
}
