package org.hotline.scenario;

import java.util.List;

/**
 * A scenario event (docs/design.md section 6, mechanism 12): scheduled for a turn, triggered by a state
 * condition, or held for the facilitator to release.
 *
 * @param changes   what it does to the state when released
 * @param audience  who sees its text when released
 */
public record Inject(
        String id,
        String title,
        String text,
        Trigger trigger,
        List<Change> changes,
        Audience audience,
        List<String> findings) {

    public enum Audience { ALL, WASHINGTON, MOSCOW, FACILITATOR }

    public sealed interface Trigger permits AtTurn, When, OnRelease {
    }

    /** Released at the start of the given turn (1-based). */
    public record AtTurn(int turn) implements Trigger {
    }

    /**
     * Released at the start of the first turn at which the condition holds, at most once. The variable
     * is a number-valued {@link VariablePath}.
     */
    public record When(String variable, Comparison comparison, double value) implements Trigger {
    }

    /** Only when the facilitator releases it. */
    public record OnRelease() implements Trigger {
    }

    public enum Comparison { ABOVE, BELOW }

    /**
     * A change to one state variable. Variable paths ({@link VariablePath} lists them all):
     * {@code tension}, {@code washington.trust}, {@code moscow.champion}, {@code context.chinaAlignment},
     * {@code issue.<id>.balance}, {@code issue.<id>.status}, {@code agreement.<issueId>.lapse}.
     * Exactly one of {@code delta} (added, clamped to range; numbers only) or {@code set} is given;
     * {@code set} holds the new value as text: a number, true/false, or an {@link IssueStatus} name.
     * Setting a status keeps the agreement ledger true: AGREEMENT concludes an agreement at the issue's
     * balance; CONTESTED or NEGOTIATING lapses the one in force; CRISIS flares the issue but leaves an
     * agreement in force (durable gains, F2; lapse it with {@code agreement.<id>.lapse}); CONFLICT ends
     * the exercise.
     */
    public record Change(String variable, Double delta, String set) {
    }
}
