package org.hotline.access;

import java.time.Instant;

/** What a valid token proves: the caller, the token's stored hash, and when it expires (null: a seat's token, which does not). */
public record TokenGrant(Caller caller, String tokenHash, Instant expires) {
}
