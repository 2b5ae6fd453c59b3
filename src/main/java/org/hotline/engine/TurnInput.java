package org.hotline.engine;

import java.util.List;
import java.util.Map;
import org.hotline.scenario.Side;

/**
 * Everything adjudication takes for one turn besides state, scenario and seed.
 *
 * @param accepted        proposals accepted on the diplomatic channel this turn
 * @param argumentRatings facilitator ratings of each side's argument per issue, -2..+2 (reviewed and free modes)
 */
public record TurnInput(
        Orders washington,
        Orders moscow,
        List<Proposal> accepted,
        Map<Side, Map<String, Integer>> argumentRatings) {

    public Orders of(Side side) {
        return side == Side.WASHINGTON ? washington : moscow;
    }
}
