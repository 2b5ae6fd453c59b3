package org.hotline.engine;

import org.hotline.scenario.Move;

/** Move classes the calibration claims name, in the brief's terms. */
final class MoveRulesView {

    private MoveRulesView() {
    }

    /** A unilateral step that gives the rival something: CONCEDE, DRAWDOWN, ACQUIESCE. */
    static boolean concession(Move move) {
        return move == Move.CONCEDE || move == Move.DRAWDOWN || move == Move.ACQUIESCE;
    }
}
