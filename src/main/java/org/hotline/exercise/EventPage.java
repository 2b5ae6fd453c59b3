package org.hotline.exercise;

import java.util.List;

/**
 * One page of the events a seat may see, after a sequence number (docs/protocol.md, section 5): the
 * reply to a catch-up on /user/queue/sync and to GET /api/exercises/{id}/events alike.
 *
 * @param lastSeq  the exercise's last sequence number over every channel
 * @param complete no more events after this page (otherwise ask again after its last)
 */
public record EventPage(String exerciseId, long after, long lastSeq, boolean complete, List<ExerciseEvent> events) {
}
