package org.hotline.access.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Accounts, seats and the limits on guessing (hotline.access.*).
 *
 * @param accountTokenLife      How long a facilitator's or analyst's sign-in lasts before it must be renewed (e.g. 12h, 30m).
 * @param maxSeatsPerCode       Most seats one join code admits (a team code, the observer or the notetaker code).
 * @param maxSeatsPerExercise   Most seats one exercise admits, all codes together.
 * @param failedJoinsPerMinute  Wrong join codes accepted from one client address per minute before it must wait.
 * @param failedLoginsPerMinute Wrong passwords accepted from one client address per minute before it must wait.
 * @param failedSetupsPerMinute Wrong setup tokens accepted from one client address per minute before it must wait.
 * @param failedTokensPerMinute Unknown or expired bearer tokens accepted from one client address per minute before it must wait.
 */
@ConfigurationProperties("hotline.access")
public record AccessSettings(@DefaultValue("12h") Duration accountTokenLife,
                             @DefaultValue("40") int maxSeatsPerCode,
                             @DefaultValue("120") int maxSeatsPerExercise,
                             @DefaultValue("10") int failedJoinsPerMinute,
                             @DefaultValue("10") int failedLoginsPerMinute,
                             @DefaultValue("5") int failedSetupsPerMinute,
                             @DefaultValue("30") int failedTokensPerMinute) {
}
