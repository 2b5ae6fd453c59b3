package org.hotline.engine.internal;

import java.util.List;
import java.util.SplittableRandom;
import org.hotline.engine.Roll;
import org.hotline.engine.RollKind;

/**
 * Every random draw of a turn, from a generator seeded by (exercise seed, turn) only, and recorded.
 */
final class Dice {

    private final SplittableRandom random;
    /** Where each draw is recorded; null when the turn is only simulated. */
    private final List<Roll> rolls;

    Dice(long seed, int turn, List<Roll> rolls) {
        this.random = new SplittableRandom(mix(seed + 0x9E3779B97F4A7C15L * turn));
        this.rolls = rolls;
    }

    /** Succeeds with the given odds; records purpose, odds, draw and result. */
    boolean roll(RollKind purpose, String issueId, double odds, List<String> findings) {
        double draw = random.nextDouble();
        boolean success = draw < odds;
        if (rolls != null) {
            rolls.add(new Roll(purpose, issueId, odds, draw, success, findings));
        }
        return success;
    }

    /** A uniform choice among count, recorded as a roll that always succeeds. */
    int choose(RollKind purpose, int count, String[] ids, List<String> findings) {
        double draw = random.nextDouble();
        int pick = Math.min(count - 1, (int) (draw * count));
        if (rolls != null) {
            rolls.add(new Roll(purpose, ids[pick], 1.0 / count, draw, true, findings));
        }
        return pick;
    }

    /** splitmix64's finaliser: spreads nearby seeds apart. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
