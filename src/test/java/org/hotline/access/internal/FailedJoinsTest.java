package org.hotline.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline.access.Secrets;
import org.junit.jupiter.api.Test;

class FailedJoinsTest {

    @Test
    void blocksAnAddressAfterTheLimitForTheRestOfTheMinute() {
        AtomicLong now = new AtomicLong(1_000_000);
        FailedJoins failed = new FailedJoins(3, new java.time.InstantSource() {
            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(now.get());
            }
        });
        for (int i = 0; i < 3; i++) {
            assertThat(failed.blocked("10.0.0.1")).isFalse();
            failed.record("10.0.0.1");
        }
        assertThat(failed.blocked("10.0.0.1")).isTrue();
        assertThat(failed.blocked("10.0.0.2")).isFalse();
        now.addAndGet(60_000);
        assertThat(failed.blocked("10.0.0.1")).isFalse();
    }

    @Test
    void joinCodesCarryEightyBitsAndAreTypedLoosely() {
        String code = Secrets.joinCode();
        assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}");
        assertThat(Secrets.normaliseCode(code.toLowerCase().replace("-", " "))).isEqualTo(code);
        assertThat(Secrets.joinCode()).isNotEqualTo(code);
    }
}
