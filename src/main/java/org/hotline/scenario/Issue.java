package org.hotline.scenario;

import java.util.Map;
import java.util.Set;

/**
 * One conflict of interest as the scenario defines it (docs/design.md section 4).
 *
 * @param coreFor         the sides for which this is a core security concern (usually the weaker side)
 * @param sharedInterest  low-hanging fruit: both gain from an agreement (arms control, non-proliferation)
 * @param salience        weight of the issue for each side, 0..1
 * @param balance         0..100, 50 the status quo, higher nearer the stronger side's aim
 * @param institutional   an agreement here comes with commissions or verification, lowering its lapse hazard (F2)
 * @param lowers          the costs an agreement in force here lowers each turn (B2): arms and posture
 *                        lower the stronger side's burden, sanctions and trade the weaker side's strain
 * @param allies          the stronger side's allies' stake and preference here (R4)
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
        boolean institutional,
        Set<Cost> lowers,
        AllyStance allies) {

    /** An issue no agreement lowers any cost on and where allies have no stake. */
    public Issue(String id, String name, String description, Set<Side> coreFor, boolean sharedInterest,
            Map<Side, Double> salience, IssueStatus status, double balance, boolean institutional) {
        this(id, name, description, coreFor, sharedInterest, salience, status, balance, institutional, Set.of(),
                AllyStance.NONE);
    }

    public boolean coreFor(Side side) {
        return coreFor.contains(side);
    }
}
