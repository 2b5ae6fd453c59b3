package org.hotline.analysis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.bots.Decision;
import org.hotline.bots.ProposalAnswer;
import org.hotline.bots.Strategies;
import org.hotline.bots.Strategy;
import org.hotline.bots.StrategySpec;
import org.hotline.bots.TeamView;
import org.hotline.engine.Adjudicator;
import org.hotline.engine.GameState;
import org.hotline.engine.Proposal;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.ScenarioFiles;
import org.hotline.scenario.Side;
import org.junit.jupiter.api.Test;

/** An accepted proposal binds both sides' orders, each bound line saying in words what was agreed with whom. */
class MatchTest {

    private static final Scenario CS1 = ScenarioFiles.bundled("cs1-anglo-russian");

    /** Plays hard everywhere; London offers Persia for Afghanistan, and either side accepts what it is offered. */
    private record Dealer(Strategy hard) implements Strategy {

        @Override
        public StrategySpec spec() {
            return hard.spec();
        }

        @Override
        public Decision decide(TeamView view) {
            return hard.decide(view);
        }

        @Override
        public ProposalAnswer answer(TeamView view, Proposal proposal) {
            return ProposalAnswer.accept("a fair trade");
        }

        @Override
        public Optional<Proposal> propose(TeamView view) {
            return view.side() == Side.WASHINGTON
                    ? Optional.of(new Proposal("P17", Side.WASHINGTON, Map.of("persia", Move.NEGOTIATE), Map.of("afghanistan", Move.NEGOTIATE)))
                    : Optional.empty();
        }
    }

    @Test
    void aBoundLineNamesThePartnerTheProposerAndTheTurnNeverTheProposalsId() {
        Strategy hard = Strategies.bundled().create("always-hardline", CS1);
        Match match = new Match(CS1, new Dealer(hard), new Dealer(hard));
        GameState state = Adjudicator.create().initialState(CS1);
        Map<Side, TeamView> views = new EnumMap<>(Side.class);
        Map<Side, Decision> decisions = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            TeamView view = TeamView.of(CS1, state, side, List.of(), Map.of(), 1);
            views.put(side, view);
            decisions.put(side, hard.decide(view));
        }
        assertThat(decisions.get(Side.WASHINGTON).move("persia")).as("before the deal").isNotEqualTo(Move.NEGOTIATE);

        assertThat(match.negotiate(views, decisions)).hasSize(1);

        Decision.Line london = decisions.get(Side.WASHINGTON).lines().get("persia");
        assertThat(london.move()).isEqualTo(Move.NEGOTIATE);
        assertThat(london.reason()).isEqualTo("as agreed with St Petersburg on London's proposal of turn 1");
        Decision.Line petersburg = decisions.get(Side.MOSCOW).lines().get("afghanistan");
        assertThat(petersburg.move()).isEqualTo(Move.NEGOTIATE);
        assertThat(petersburg.reason()).isEqualTo("as agreed with London on London's proposal of turn 1");
    }
}
