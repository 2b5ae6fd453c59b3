package org.hotline.exercise.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import org.hotline.engine.Adjudicator;
import org.hotline.engine.GameState;
import org.hotline.engine.MoveOption;
import org.hotline.engine.Narrative;
import org.hotline.engine.Outcome;
import org.hotline.engine.Scores;
import org.hotline.engine.SimulatedTurn;
import org.hotline.engine.TurnInput;
import org.hotline.engine.TurnStart;
import org.hotline.scenario.Inject;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.Side;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine is plain Java; the exercise module makes it a bean, timing each turn's adjudication. */
@Configuration
class EngineConfig {

    @Bean
    Adjudicator adjudicator(ObjectProvider<MeterRegistry> registry) {
        MeterRegistry meters = registry.getIfAvailable();
        Adjudicator engine = Adjudicator.create();
        if (meters == null) {
            return engine;
        }
        return new Timed(engine, Timer.builder("hotline.adjudication").description("The engine adjudicating one turn")
                .publishPercentileHistogram().register(meters));
    }

    /** Only adjudication is timed: the other calls are small and frequent. */
    record Timed(Adjudicator engine, Timer timer) implements Adjudicator {

        @Override
        public Outcome adjudicate(Scenario scenario, GameState state, TurnInput input, long seed) {
            return timer.record(() -> engine.adjudicate(scenario, state, input, seed));
        }

        @Override
        public GameState initialState(Scenario scenario) {
            return engine.initialState(scenario);
        }

        @Override
        public TurnStart openTurn(Scenario scenario, GameState state, long seed) {
            return engine.openTurn(scenario, state, seed);
        }

        @Override
        public TurnStart release(Scenario scenario, GameState state, Inject inject) {
            return engine.release(scenario, state, inject);
        }

        @Override
        public SimulatedTurn simulate(Scenario scenario, GameState state, TurnInput input, long seed) {
            return engine.simulate(scenario, state, input, seed);
        }

        @Override
        public List<MoveOption> options(Scenario scenario, GameState state, Side side) {
            return engine.options(scenario, state, side);
        }

        @Override
        public Map<Move, String> withheld(Scenario scenario, GameState state, Side side) {
            return engine.withheld(scenario, state, side);
        }

        @Override
        public Narrative narrate(Scenario scenario, Outcome outcome) {
            return engine.narrate(scenario, outcome);
        }

        @Override
        public Scores score(Scenario scenario, GameState state) {
            return engine.score(scenario, state);
        }
    }
}
