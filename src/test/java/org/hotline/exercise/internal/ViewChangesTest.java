package org.hotline.exercise.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.exercise.internal.Table.FACILITATOR;

import java.util.List;
import org.hotline.exercise.Command;
import org.hotline.exercise.Command.Control;
import org.hotline.exercise.EventPayload.StatePublic;
import org.hotline.exercise.EventPayload.StateSide;
import org.hotline.exercise.ExerciseEvent;
import org.hotline.exercise.Mode;
import org.hotline.scenario.Move;
import org.hotline.scenario.Side;
import org.junit.jupiter.api.Test;

/**
 * Public and team views are logged as changes from the previous view on their channel, and read back
 * whole: what changed is there, what did not is left out, and a reader of the log gets every view whole.
 */
class ViewChangesTest {

    private static final int DETENTE_ISSUES = Table.DETENTE.issues().size();

    private static Table deliberating() {
        return Table.seated(Mode.AUTOMATIC).given(FACILITATOR, new Control.Start(), new Control.Advance());
    }

    /** Congress revolts: Washington's concessions are withheld; Moscow's withheld moves stay as they were. */
    private static List<ExerciseEvent> backlash(Table t) {
        return t.when(FACILITATOR, new Control.ReleaseInject(null, new Command.AdHocInject("Backlash", "Congress revolts", "ALL",
                List.of(new Command.StateChange("washington.domesticSupport", null, "5")))));
    }

    private static StateSide side(List<ExerciseEvent> events, Side side) {
        return events.stream().map(ExerciseEvent::payload).filter(StateSide.class::isInstance).map(StateSide.class::cast)
                .filter(v -> v.side() == side).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void aViewCarriesOnlyWhatChangedAndReadsBackWhole() {
        Table t = deliberating();
        List<ExerciseEvent> made = backlash(t);

        StateSide washington = side(made, Side.WASHINGTON);
        assertThat(washington.own().domesticSupport()).isEqualTo(5);
        assertThat(washington.withheld()).extracting(o -> o.move()).contains(Move.CONCEDE, Move.DRAWDOWN, Move.ACQUIESCE);
        StateSide moscow = side(made, Side.MOSCOW);
        assertThat(moscow.own()).as("Moscow's own variables did not move").isNull();
        assertThat(moscow.withheld()).as("nothing newly withheld from Moscow").isNull();
        StatePublic pub = made.stream().map(ExerciseEvent::payload).filter(StatePublic.class::isInstance).map(StatePublic.class::cast)
                .findFirst().orElseThrow();
        assertThat(pub.isWhole()).as("no status or agreement changed").isFalse();
        assertThat(Table.json(moscow).length()).isLessThan(60);

        StateSide whole = side(t.whole(), Side.MOSCOW);
        assertThat(whole.isWhole()).isTrue();
        assertThat(whole.withheld()).isEmpty();
        assertThat(whole.own()).isEqualTo(side(t.whole().subList(0, t.log.size() - made.size()), Side.MOSCOW).own());
        assertThat(t.last(StatePublic.class).issues()).isNotEmpty();
    }

    @Test
    void aMoveWithheldEverywhereForOneReasonIsWrittenOnce() {
        Table t = deliberating();
        StateSide washington = side(backlash(t), Side.WASHINGTON);
        tools.jackson.databind.JsonNode written = Table.JSON.readTree(Table.json(washington)).get("withheld");
        assertThat(written.size()).as("one entry per move: %s", written).isEqualTo(3);
        assertThat(written.findValuesAsString("move")).containsExactly("CONCEDE", "DRAWDOWN", "ACQUIESCE");
        assertThat(written.get(0).get("issueIds").size()).isEqualTo(DETENTE_ISSUES);
        assertThat(Table.JSON.readValue(Table.json(washington), StateSide.class)).isEqualTo(washington);

        String older = "{\"side\":\"MOSCOW\",\"withheld\":[{\"issueId\":\"arms\",\"move\":\"CONCEDE\",\"allowed\":false,"
                + "\"reason\":\"low support\",\"findings\":[\"F4\"]}]}";
        assertThat(Table.JSON.readValue(older, StateSide.class).withheld())
                .containsExactly(new org.hotline.engine.MoveOption("arms", Move.CONCEDE, false, "low support", List.of("F4")));
    }

    @Test
    void theFirstViewsAreWholeAndSoAreTheFirstAfterARestart() {
        Table t = Table.seated(Mode.AUTOMATIC);
        assertThat(t.log.stream().map(ExerciseEvent::payload).filter(StateSide.class::isInstance).map(StateSide.class::cast))
                .allMatch(StateSide::isWhole);
        t.given(FACILITATOR, new Control.Start(), new Control.Advance());
        // A restart rebuilds the projection from its snapshot, which does not hold the last views.
        t.state = Table.JSON.readValue(Table.json(t.state), ExerciseState.class);
        List<ExerciseEvent> made = backlash(t);
        assertThat(side(made, Side.MOSCOW).isWhole()).isTrue();
        assertThat(made.stream().map(ExerciseEvent::payload).filter(StatePublic.class::isInstance).map(StatePublic.class::cast))
                .allMatch(StatePublic::isWhole);
    }

    @Test
    void replayingTheLogKeepsTheLastViewsSoTheNextAreTheSameChanges() {
        Table t = deliberating();
        backlash(t);
        ExerciseState replayed = t.replayed();
        assertThat(Table.json(replayed)).isEqualTo(Table.json(t.state));
        for (Side side : Side.values()) {
            assertThat(replayed.views.sideView(side)).isEqualTo(t.state.views.sideView(side)).isNotNull();
        }
        assertThat(replayed.views.publicView()).isEqualTo(t.state.views.publicView());
    }

    @Test
    void aLogOfWholeViewsStillReads() {
        Table t = deliberating();
        backlash(t);
        // An older log: every view whole, as the reader returns them.
        List<ExerciseEvent> older = t.whole();
        ViewFold fold = new ViewFold();
        assertThat(older.stream().map(fold::read).toList()).isEqualTo(older);
        ExerciseState replayed = new ExerciseState();
        Projector projector = new Projector();
        older.forEach(e -> projector.apply(replayed, e));
        assertThat(Table.json(replayed)).isEqualTo(Table.json(t.state));
        assertThat(replayed.views.sideView(Side.MOSCOW)).isEqualTo(t.state.views.sideView(Side.MOSCOW));
    }

    @Test
    void aViewReadFromTheMiddleOfTheLogWithoutItsEarlierOneIsLeftAsLogged() {
        Table t = deliberating();
        List<ExerciseEvent> made = backlash(t);
        ViewFold fold = new ViewFold();
        List<ExerciseEvent> read = made.stream().map(fold::read).toList();
        assertThat(side(read, Side.MOSCOW).isWhole()).isFalse();
        assertThat(fold.sideView(Side.MOSCOW)).isNull();
        assertThat(fold.sideView(Side.WASHINGTON)).as("Washington's variables and withheld moves both changed: its view is whole")
                .isEqualTo(side(made, Side.WASHINGTON));
    }
}
