package org.hotline.scenario;

import java.util.Map;
import java.util.Set;

/**
 * One conflict of interest as the scenario defines it (DESIGN.md section 4).
 *
 * @param coreFor         the sides for which this is a core security concern (usually the weaker side)
 * @param sharedInterest  low-hanging fruit: both gain from an agreement (arms control, non-proliferation)
 * @param salience        weight of the issue for each side, 0..1
 * @param balance         0..100, 50 the status quo, higher nearer the stronger side's aim
 * @param institutional   an agreement here comes with commissions or verification, lowering its lapse hazard (F2)
 */
public record Issue(
        String id,
        String name,
        String description,
        Set<Side> coreFor,
        boolean sharedInterest,
        Map<Side, Double> salience,
        IssueStatus status,
        double balance,
        boolean institutional) {

    public boolean coreFor(Side side) {
        return coreFor.contains(side);
    }
}
