package org.hotline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.hotline.engine.AnalystProbes.Probe;
import org.hotline.engine.AnalystProbes.Summary;
import org.hotline.scenario.Side;
import org.junit.jupiter.api.Test;

/**
 * What a new user tries before trusting the engine, over 300 seeds of the future scenario; the answers
 * must fit the brief. The table is docs/model.md's.
 */
class AnalystProbesTest {

    @Test
    void extremeStrategiesGiveTheAnswersTheBriefImplies() {
        Map<Probe, Summary> runs = new EnumMap<>(Probe.class);
        StringBuilder table = new StringBuilder(AnalystProbes.HEADER).append('\n');
        for (Probe probe : Probe.values()) {
            Summary summary = AnalystProbes.run(AnalystProbes.FUTURE, probe);
            runs.put(probe, summary);
            table.append(summary.row()).append('\n');
        }
        System.out.println(table);
        double startInterests = Games.ENGINE.score(AnalystProbes.FUTURE, Games.ENGINE.initialState(AnalystProbes.FUTURE))
                .sides().get(Side.WASHINGTON).interests();
        Summary talk = runs.get(Probe.ALL_TALK);
        // Cheap talk does not settle core concerns (F1, F6): most core issues stay open and tension stays up.
        assertThat(talk.coreSettled()).isLessThan(1.0);
        assertThat(talk.mean(GameState::tension)).isGreaterThan(20);
        // Paying for core concerns settles them and stabilises, at a price in Washington's interests (R1, K1, B2).
        Summary paid = runs.get(Probe.CORE_PAID);
        assertThat(paid.coreSettled()).isGreaterThan(2.5);
        assertThat(paid.interests(Side.WASHINGTON)).isLessThan(startInterests - 10);
        assertThat(paid.mean(s -> s.side(Side.WASHINGTON).burden())).isLessThan(talk.mean(s -> s.side(Side.WASHINGTON).burden()));
        // War is graded, not a cliff (B3): all hardline is dangerous but not all by turn 2; holding at high tension is risky.
        Summary hardline = runs.get(Probe.ALL_HARDLINE);
        assertThat(hardline.conflictRate()).isGreaterThan(0.7);
        assertThat(hardline.meanConflictTurn()).isGreaterThan(3);
        assertThat(runs.get(Probe.ALL_HOLD).conflictRate()).isGreaterThan(0.25);
        // Conceding everything costs Washington its interests (K1) and its domestic support (F4) but emboldens little (F3).
        Summary conceded = runs.get(Probe.CONCEDE_ALL);
        assertThat(conceded.interests(Side.WASHINGTON)).isLessThan(startInterests - 25);
        assertThat(conceded.mean(s -> s.side(Side.WASHINGTON).domesticSupport())).isLessThan(40);
        assertThat(conceded.mean(s -> s.side(Side.MOSCOW).perceivedResolve()))
                .isGreaterThan(AnalystProbes.FUTURE.sides().get(Side.MOSCOW).perceivedResolve() - 5);
        ModelDocument.section("probes", table.toString());
    }
}
