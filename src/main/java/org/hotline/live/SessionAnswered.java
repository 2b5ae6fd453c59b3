package org.hotline.live;

/**
 * What the server answered one session, published as the answer is written (for the meters): a
 * command applied or recognised as a resend, a frame or command refused by its error code, or a
 * catch-up page of so many events. Published on the node holding the session, relay or not.
 */
public sealed interface SessionAnswered {

    record CommandApplied(boolean duplicate) implements SessionAnswered {
    }

    record Refused(String code) implements SessionAnswered {
    }

    record CaughtUp(int events) implements SessionAnswered {
    }
}
