package org.hotline.engine.internal;

import static org.hotline.engine.internal.ScenarioIndex.M;
import static org.hotline.engine.internal.ScenarioIndex.W;

import org.hotline.engine.EffectCause;
import org.hotline.engine.RollKind;
import org.hotline.engine.internal.Board.SideVar;
import org.hotline.scenario.IssueStatus;
import org.hotline.scenario.Move;

/**
 * Mechanism 11 (B3): crises and a graded war hazard. Past the crisis threshold, issues under hardline
 * moves and core issues left unresolved become crises. While any issue is in crisis, one roll a turn
 * decides war, at odds that rise smoothly with tension and with the hardline moves on crisis issues,
 * red lines at stake, misreadings and an emboldened rival, and fall with the agreements in force; with
 * no issue in crisis there is no roll.
 */
final class Escalation {

    private static final Tag CRISIS = Tag.of("B3");
    private static final Tag CORE_CRISIS = Tag.of("B3", "F1");

    private Escalation() {
    }

    /** How far the weaker side is emboldened: its perceived resolve of the stronger below its start, over 50. */
    static double emboldenment(ScenarioIndex index, Board board) {
        return Math.max(0, index.startResolve - board.get(M, SideVar.RESOLVE)) / 50;
    }

    static void run(ScenarioIndex index, Board board, Dice dice, Move[][] move, Move[][] read, long[] tags) {
        updateCrises(index, board, move, tags);
        int worst = -1;
        for (int i = 0; i < index.issueCount; i++) {
            if (board.status[i] == IssueStatus.CRISIS && (worst < 0 || danger(index, move, i) > danger(index, move, worst))) {
                worst = i;
            }
        }
        if (worst < 0 || board.conflict) {
            return;
        }
        double odds = hazard(index, board, move, read);
        tags[worst] |= CRISIS.mask();
        if (dice.roll(RollKind.ESCALATION, index.ids[worst], odds, CRISIS.ids())) {
            board.endInConflict(worst, EffectCause.CONFLICT, CRISIS.ids());
        }
    }

    private static void updateCrises(ScenarioIndex index, Board board, Move[][] move, long[] tags) {
        Rules rules = index.rules;
        for (int i = 0; i < index.issueCount; i++) {
            boolean hard = move[W][i].hardline() || move[M][i].hardline();
            boolean coreOpen = index.core[i] && !board.agreementInForce(i);
            IssueStatus status = board.status[i];
            boolean open = status == IssueStatus.CONTESTED || status == IssueStatus.NEGOTIATING;
            if (board.tension >= rules.crisisThreshold && open && (hard || coreOpen)) {
                Tag why = hard ? CRISIS : CORE_CRISIS;
                board.status(i, IssueStatus.CRISIS, hard ? EffectCause.CRISIS : EffectCause.CORE_FLARES, why.ids());
                tags[i] |= why.mask();
            } else if (board.tension < rules.crisisRelease && status == IssueStatus.CRISIS) {
                board.status(i, board.agreementInForce(i) ? IssueStatus.AGREEMENT : IssueStatus.CONTESTED,
                        EffectCause.CRISIS_EASED, CRISIS.ids());
            }
        }
    }

    /** Which crisis issue a war would start on: the one with the most hardline moves, then the most salient. */
    private static double danger(ScenarioIndex index, Move[][] move, int i) {
        int hard = (move[W][i].hardline() ? 1 : 0) + (move[M][i].hardline() ? 1 : 0);
        return hard * 10 + (move[W][i] == Move.FORCE || move[M][i] == Move.FORCE ? 100 : 0) + index.meanSalience[i];
    }

    /** The turn's chance of war, given that some issue is in crisis. */
    static double hazard(ScenarioIndex index, Board board, Move[][] move, Move[][] read) {
        Rules rules = index.rules;
        double rise = Math.max(0, (board.tension - rules.crisisRelease) / Math.max(1, 100 - rules.crisisRelease));
        double emboldened = emboldenment(index, board);
        double salienceTotal = 0;
        double settled = 0;
        double hardline = 0;
        int mutual = 0;
        double redLines = 0;
        int misread = 0;
        boolean force = false;
        for (int i = 0; i < index.issueCount; i++) {
            salienceTotal += index.meanSalience[i];
            settled += board.agreementInForce(i) ? index.meanSalience[i] : 0;
            if (board.status[i] != IssueStatus.CRISIS) {
                continue;
            }
            boolean hardW = move[W][i].hardline();
            boolean hardM = move[M][i].hardline();
            hardline += ((hardW ? 1 : 0) + (hardM ? 1 : 0)) * index.meanSalience[i];
            mutual += hardW && hardM ? 1 : 0;
            force |= move[W][i] == Move.FORCE || move[M][i] == Move.FORCE;
            // A red line at stake: declared by one side, pressed by the other. The stronger side's weighs with
            // its alliance behind it (R4); an emboldened rival holds its own harder (K2).
            redLines += (board.redLines[i] & Board.red(W)) != 0 && hardM ? board.get(W, SideVar.COHESION) / 100 : 0;
            redLines += (board.redLines[i] & Board.red(M)) != 0 && hardW ? 1 + emboldened : 0;
            misread += (read[W][i] != move[W][i] ? 1 : 0) + (read[M][i] != move[M][i] ? 1 : 0);
        }
        double odds = rules.escalationBase
                + rules.escalationTension * rise * rise * rise
                + rules.escalationHardline * (salienceTotal > 0 ? hardline / salienceTotal : 0)
                + rules.escalationMutual * mutual
                + (force ? rules.escalationForce : 0)
                + rules.escalationRedLine * redLines
                + rules.escalationMisperception * misread
                + rules.escalationResolve * emboldened;
        double relief = salienceTotal > 0 ? 1 - rules.escalationAgreements * settled / salienceTotal : 1;
        return Math.min(rules.escalationMax, odds * relief);
    }
}
