package org.hotline.exercise.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.exercise.internal.Table.FACILITATOR;

import java.util.List;
import org.hotline.exercise.Command;
import org.hotline.exercise.Command.Control;
import org.hotline.engine.Adjudicator;
import org.hotline.engine.Outcome;
import org.hotline.exercise.EventPayload.AdjudicationDrafted;
import org.hotline.exercise.EventPayload.StateFull;
import org.hotline.exercise.EventPayload.StatePublic;
import org.hotline.exercise.EventPayload.StateSide;
import org.hotline.exercise.ExerciseEvent;
import org.hotline.exercise.Mode;
import org.hotline.scenario.Move;
import org.hotline.scenario.Side;
import org.junit.jupiter.api.Test;

/**
 * Public, team and the facilitator's views (the whole state, the engine's draft) are logged as changes
 * from the previous view on their channel, and read back whole: what changed is there, what did not is
 * left out, and a reader of the log gets every view whole.
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

    /** The first turn locked: in automatic mode it is drafted and published at once. */
    private static Table adjudicated(Mode mode) {
        return Table.seated(mode).given(FACILITATOR, new Control.Start(), new Control.Advance(), new Control.Advance(),
                new Control.LockOrders());
    }

    private static <T> List<T> payloads(List<ExerciseEvent> events, Class<T> type) {
        return events.stream().map(ExerciseEvent::payload).filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void theFacilitatorsStateAndDraftCarryOnlyWhatChangedAndReadBackWholeAndExact() {
        Table t = adjudicated(Mode.AUTOMATIC);
        List<StateFull> states = payloads(t.log, StateFull.class);
        assertThat(states.get(0).isWhole()).as("the exercise's first state").isTrue();
        assertThat(states.subList(1, states.size() - 1)).allMatch(s -> s.state() == null && s.changes() != null);
        AdjudicationDrafted draft = payloads(t.log, AdjudicationDrafted.class).get(0);
        assertThat(draft.outcome().before()).as("the state before is the last STATE_FULL's").isNull();
        assertThat(draft.outcome().after()).isNull();
        assertThat(draft.changes().has("tension")).isTrue();
        assertThat(draft.changes().has("context")).as("the context did not move").isFalse();
        StateFull results = states.get(states.size() - 1);
        assertThat(results.effects()).as("the draft's effects, approved as they were").isNull();
        assertThat(results.state()).as("the results are the draft's state after: neither the state nor its changes again").isNull();
        assertThat(results.changes()).isNull();

        List<ExerciseEvent> whole = t.whole();
        List<StateFull> wholeStates = payloads(whole, StateFull.class);
        assertThat(wholeStates).allMatch(StateFull::isWhole);
        AdjudicationDrafted read = payloads(whole, AdjudicationDrafted.class).get(0);
        assertThat(read.outcome().before()).isEqualTo(wholeStates.get(wholeStates.size() - 2).state());
        // Exact: the engine, run again on the state before, gives the very state after (the dice alone are rounded).
        Outcome again = Adjudicator.create().adjudicate(Table.DETENTE, read.outcome().before(), read.input(), t.state.seed);
        assertThat(read.outcome().after()).isEqualTo(again.after()).isEqualTo(t.state.game);
        assertThat(read.outcome()).isEqualTo(AdjudicationDrafted.written(again));
        assertThat(wholeStates.get(wholeStates.size() - 1).state()).isEqualTo(again.after());
        assertThat(wholeStates.get(wholeStates.size() - 1).effects()).isEqualTo(again.effects()).isNotEmpty();
        assertThat(Table.json(draft).length()).as("both states left out but for what changed")
                .isLessThan(Table.json(read).length() - Table.json(again.before()).length() * 3 / 2);
    }

    @Test
    void theDiceAndScoresOfADraftAreWrittenToFourDecimals() {
        Table t = adjudicated(Mode.AUTOMATIC);
        Outcome exact = Adjudicator.create().adjudicate(Table.DETENTE, payloads(t.whole(), AdjudicationDrafted.class).get(0)
                .outcome().before(), payloads(t.log, AdjudicationDrafted.class).get(0).input(), t.state.seed);
        assertThat(Table.json(exact.rolls())).as("the engine's own draws are exact").containsPattern("\\.\\d{6,}");
        String written = Table.json(payloads(t.log, AdjudicationDrafted.class).get(0).outcome());
        assertThat(written).doesNotContainPattern("\"(odds|draw|interests|security|costs|stability)\":-?\\d+\\.\\d{5,}");
        assertThat(written).contains("\"draw\":");
    }

    @Test
    void aDraftWritesItsRepeatsOnceAndReadsBackExactly() throws Exception {
        Table t = adjudicated(Mode.AUTOMATIC);
        AdjudicationDrafted draft = payloads(t.log, AdjudicationDrafted.class).get(0);
        tools.jackson.databind.JsonNode written = Table.JSON.readTree(Table.json(draft)).get("outcome");
        long misread = draft.outcome().issues().stream().filter(i -> i.washingtonMoveAsReadByMoscow() != i.washingtonMove()).count();
        assertThat(written.get("issues").findValues("washingtonMoveAsReadByMoscow")).hasSize((int) misread);
        assertThat(written.get("issues").findValues("washingtonMove")).hasSize(DETENTE_ISSUES);
        tools.jackson.databind.JsonNode run = written.get("rolls").valueStream().filter(r -> r.has("issueIds")).findFirst().orElseThrow();
        assertThat(run.get("purpose").asString()).startsWith("misperception");
        assertThat(run.get("issueIds").size()).isEqualTo(DETENTE_ISSUES).isEqualTo(run.get("draws").size()).isEqualTo(run.get("successes").size());
        assertThat(written.get("rolls").size()).isLessThan(draft.outcome().rolls().size());
        // Effects as columns: each field's name once, a value before that follows from the effect before on its variable null.
        assertThat(written.get("effects").propertyNames()).containsExactly("variable", "before", "after", "reason", "findings", "issueId");
        assertThat(written.get("effects").get("variable")).hasSize(draft.outcome().effects().size());
        assertThat(written.get("effects").get("before").valueStream().filter(tools.jackson.databind.JsonNode::isNull).count())
                .as("values before that follow from the effect before on the variable").isPositive();
        assertThat(Table.JSON.readValue(Table.json(draft), AdjudicationDrafted.class)).isEqualTo(draft);
        // Older logs wrote the effects as a list, a value before and an issue only where needed: the same outcome.
        tools.jackson.databind.node.ObjectNode older = (tools.jackson.databind.node.ObjectNode) Table.JSON.readTree(Table.json(draft));
        tools.jackson.databind.JsonNode columns = older.get("outcome").get("effects");
        tools.jackson.databind.node.ArrayNode list = ((tools.jackson.databind.node.ObjectNode) older.get("outcome")).putArray("effects");
        for (int i = 0; i < columns.get("variable").size(); i++) {
            tools.jackson.databind.node.ObjectNode effect = list.addObject();
            for (String field : List.of("variable", "before", "after", "reason", "findings", "issueId")) {
                if (!columns.get(field).get(i).isNull()) {
                    effect.set(field, columns.get(field).get(i));
                }
            }
        }
        assertThat(Table.JSON.treeToValue(older, AdjudicationDrafted.class)).isEqualTo(draft);
        AdjudicationDrafted whole = payloads(t.whole(), AdjudicationDrafted.class).get(0);
        assertThat(Table.JSON.readValue(Table.json(whole), AdjudicationDrafted.class)).isEqualTo(whole);
    }

    @Test
    void aDecisionAfterARestartIsWrittenAsChangesFromTheSnapshotsStateAndReadsBackWhole() {
        Table t = adjudicated(Mode.REVIEWED);
        // A restart rebuilds the projection from its snapshot, which holds the state and the draft but not the last views.
        t.state = Table.JSON.readValue(Table.json(t.state), ExerciseState.class);
        List<ExerciseEvent> made = t.when(FACILITATOR, Control.Decide.approve("as the engine has it"));
        StateFull results = payloads(made, StateFull.class).get(0);
        assertThat(results.state()).isNull();
        assertThat(results.effects()).isNull();
        StateFull read = payloads(t.whole(), StateFull.class).get(payloads(t.log, StateFull.class).size() - 1);
        assertThat(read.state()).isEqualTo(t.state.game);
        assertThat(read.effects()).isEqualTo(payloads(t.whole(), AdjudicationDrafted.class).get(0).outcome().effects());
        assertThat(Table.json(t.replayed())).isEqualTo(Table.json(t.state));
    }

    @Test
    void anEditedDecisionCarriesItsOwnEffects() {
        Table t = adjudicated(Mode.REVIEWED);
        List<ExerciseEvent> made = t.when(FACILITATOR, new Control.Decide("EDIT", "The room judged talks stalled", "Talks stall",
                null, List.of(new Command.StateChange("tension", 10.0, null))));
        StateFull results = payloads(made, StateFull.class).get(0);
        assertThat(results.effects()).as("the draft's effects and the edit's").isNotNull()
                .hasSize(payloads(t.whole(), AdjudicationDrafted.class).get(0).outcome().effects().size() + 1);
        assertThat(payloads(t.whole(), StateFull.class).get(payloads(t.log, StateFull.class).size() - 1).state()).isEqualTo(t.state.game);
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
