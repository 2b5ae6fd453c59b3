package org.hotline.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.access.internal.FailedAttempts.Kind.JOIN;
import static org.hotline.access.internal.FailedAttempts.Kind.LOGIN;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline.access.Secrets;
import org.junit.jupiter.api.Test;

class FailedAttemptsTest {

    @Test
    void blocksAnAddressAfterTheLimitForTheRestOfTheMinute() {
        AtomicLong now = new AtomicLong(1_000_000);
        FailedAttempts failed = new FailedAttempts(FailedAttempts.limits(3, 2, 1, 1), new java.time.InstantSource() {
            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(now.get());
            }
        });
        for (int i = 0; i < 3; i++) {
            assertThat(failed.blocked(JOIN, "10.0.0.1")).isFalse();
            failed.record(JOIN, "10.0.0.1");
        }
        assertThat(failed.blocked(JOIN, "10.0.0.1")).isTrue();
        assertThat(failed.blocked(JOIN, "10.0.0.2")).isFalse();
        // Logins are counted apart, with their own limit.
        assertThat(failed.blocked(LOGIN, "10.0.0.1")).isFalse();
        failed.record(LOGIN, "10.0.0.1");
        assertThat(failed.blocked(LOGIN, "10.0.0.1")).isFalse();
        failed.record(LOGIN, "10.0.0.1");
        assertThat(failed.blocked(LOGIN, "10.0.0.1")).isTrue();
        now.addAndGet(60_000);
        assertThat(failed.blocked(JOIN, "10.0.0.1")).isFalse();
        assertThat(failed.blocked(LOGIN, "10.0.0.1")).isFalse();
    }

    @Test
    void joinCodesCarryEightyBitsAndAreTypedLoosely() {
        String code = Secrets.joinCode();
        assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}");
        assertThat(Secrets.normaliseCode(code.toLowerCase().replace("-", " "))).isEqualTo(code);
        assertThat(Secrets.joinCode()).isNotEqualTo(code);
    }
}
