package org.hotline.exercise.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.exercise.internal.Table.FACILITATOR;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.hotline.exercise.Channel;
import org.hotline.exercise.Command;
import org.hotline.exercise.Command.Control;
import org.hotline.exercise.EventPayload.AdjudicationDrafted;
import org.hotline.exercise.EventPayload.StateFull;
import org.hotline.exercise.EventPayload.StateSide;
import org.hotline.exercise.ExerciseEvent;
import org.hotline.exercise.Mode;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** A log stored with its views (public, team, the facilitator's) as changes reads back whole, from its start and from its middle. */
class WholeViewsTest {

    private final DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:views-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    private final EventLog log = new EventLog(new JdbcTemplate(db), JsonMapper.builder().build(),
            new TransactionTemplate(new DataSourceTransactionManager(db)));

    @Test
    void aPageFromTheMiddleOfTheLogHasItsViewsWhole() {
        Flyway.configure().dataSource(db).load().migrate();
        Table t = Table.seated(Mode.AUTOMATIC).given(FACILITATOR, new Control.Start(), new Control.Advance());
        long middle = t.state.lastSeq;
        t.when(FACILITATOR, new Control.ReleaseInject(null, new Command.AdHocInject("Backlash", "Congress revolts", "ALL",
                List.of(new Command.StateChange("washington.domesticSupport", null, "5")))));
        t.given(FACILITATOR, new Control.Advance(), new Control.LockOrders());
        log.write(() -> log.append(t.state, t.log));

        Set<Channel> moscow = EnumSet.of(Channel.PUBLIC, Channel.DIPLOMACY, Channel.TEAM_MOSCOW);
        List<ExerciseEvent> page = log.events(t.state.id, middle, moscow, 100);
        assertThat(page.stream().map(ExerciseEvent::payload).filter(StateSide.class::isInstance).map(StateSide.class::cast))
                .as("as logged, Moscow's view after the inject leaves its withheld moves out").anyMatch(v -> !v.isWhole());

        List<ExerciseEvent> expected = t.whole().stream().filter(e -> e.seq() > middle && moscow.contains(e.channel())).toList();
        assertThat(log.whole(t.state.id, middle, moscow, page)).isEqualTo(expected);
        assertThat(log.whole(t.state.id, 0, moscow, log.events(t.state.id, 0, moscow, 1000)))
                .isEqualTo(t.whole().stream().filter(e -> moscow.contains(e.channel())).toList());

        // The facilitator's: the states after the inject and the results, and the draft, are changes from earlier states.
        Set<Channel> every = EnumSet.allOf(Channel.class);
        List<ExerciseEvent> all = log.events(t.state.id, middle, every, 100);
        assertThat(all.stream().map(ExerciseEvent::payload).filter(StateFull.class::isInstance).map(StateFull.class::cast))
                .hasSize(2).noneMatch(StateFull::isWhole);
        assertThat(all.stream().map(ExerciseEvent::payload).filter(AdjudicationDrafted.class::isInstance)
                .map(AdjudicationDrafted.class::cast)).hasSize(1).noneMatch(AdjudicationDrafted::isWhole);
        assertThat(log.whole(t.state.id, middle, every, all)).isEqualTo(t.whole().stream().filter(e -> e.seq() > middle).toList());
    }
}
