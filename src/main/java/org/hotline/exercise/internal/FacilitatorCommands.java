package org.hotline.exercise.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hotline.access.Role;
import org.hotline.engine.Adjudicator;
import org.hotline.engine.Narrative;
import org.hotline.engine.Outcome;
import org.hotline.engine.TurnStart;
import org.hotline.exercise.Channel;
import org.hotline.exercise.Command.Control;
import org.hotline.exercise.CommandRejected;
import org.hotline.exercise.Decision;
import org.hotline.exercise.EventPayload;
import org.hotline.exercise.Member;
import org.hotline.exercise.Mode;
import org.hotline.exercise.Phase;
import org.hotline.scenario.Inject;
import org.hotline.scenario.Issue;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.Side;

/** What the facilitator does: the clock, injects, ratings, the last word on a turn, the roster, the end. */
final class FacilitatorCommands {

    private final Adjudicator engine;
    private final Checks checks;
    private final TurnFlow flow;
    private final Views views;

    FacilitatorCommands(Adjudicator engine, Checks checks, TurnFlow flow, Views views) {
        this.engine = engine;
        this.checks = checks;
        this.flow = flow;
        this.views = views;
    }

    void handle(Batch b, Scenario scenario, Control command) {
        ExerciseState s = b.state();
        if (command instanceof Control.Start || command instanceof Control.Advance) {
            flow.advance(b, scenario, command instanceof Control.Start ? "started by the facilitator" : "advanced by the facilitator");
        } else if (command instanceof Control.Cut) {
            flow.advance(b, scenario, "cut short by the facilitator");
        } else if (command instanceof Control.Pause) {
            if (s.deadline == null || s.paused) {
                throw new CommandRejected("WRONG_PHASE", "No running deadline to pause");
            }
            clock(b, "PAUSE", null, Math.max(0, s.deadline - b.now()));
        } else if (command instanceof Control.Resume) {
            if (!s.paused) {
                throw new CommandRejected("WRONG_PHASE", "The clock is not paused");
            }
            clock(b, "RESUME", b.now() + s.remainingMillis, null);
        } else if (command instanceof Control.Extend extend) {
            extend(b, extend);
        } else if (command instanceof Control.ReleaseInject release) {
            releaseInject(b, scenario, release);
        } else if (command instanceof Control.LockOrders) {
            flow.lock(b, scenario, "locked by the facilitator");
        } else if (command instanceof Control.RateArgument rate) {
            rate(b, scenario, rate);
        } else if (command instanceof Control.Decide decide) {
            decide(b, scenario, decide);
        } else if (command instanceof Control.RemovePlayer remove) {
            Member member = Checks.member(s, remove.playerId());
            b.emit(Channel.PUBLIC, new EventPayload.PlayerRemoved(member.playerId(), member.name()));
        } else if (command instanceof Control.MovePlayer move) {
            movePlayer(b, move);
        } else if (command instanceof Control.End end) {
            flow.end(b, scenario, end.reason() == null || end.reason().isBlank() ? "ended by the facilitator" : end.reason().strip());
        }
    }

    private static void extend(Batch b, Control.Extend extend) {
        ExerciseState s = b.state();
        if (extend.seconds() == null || extend.seconds() < 1 || extend.seconds() > 86_400) {
            throw new CommandRejected("INVALID", "seconds: 1 to 86400");
        }
        long extra = extend.seconds() * 1000L;
        if (s.paused) {
            clock(b, "EXTEND", null, s.remainingMillis + extra);
        } else {
            clock(b, "EXTEND", (s.deadline == null ? b.now() : s.deadline) + extra, null);
        }
    }

    private static void clock(Batch b, String action, Long deadline, Long remainingMillis) {
        b.emit(Channel.PUBLIC, new EventPayload.ClockChanged(action, deadline == null ? null : Instant.ofEpochMilli(deadline),
                remainingMillis != null, remainingMillis == null ? null : remainingMillis / 1000, remainingMillis));
    }

    private void releaseInject(Batch b, Scenario scenario, Control.ReleaseInject release) {
        ExerciseState s = b.state();
        Inject inject;
        boolean adHoc = release.injectId() == null;
        if (!adHoc) {
            inject = scenario.inject(release.injectId())
                    .orElseThrow(() -> new CommandRejected("UNKNOWN_INJECT", "No inject '" + release.injectId() + "' in this scenario"));
            if (s.game.firedInjects().contains(inject.id())) {
                throw new CommandRejected("UNKNOWN_INJECT", "Inject '" + inject.id() + "' has already been released");
            }
        } else if (release.inject() != null) {
            inject = adHocInject(b, release);
        } else {
            throw new CommandRejected("INVALID", "RELEASE_INJECT needs injectId or inject");
        }
        TurnStart released = Checks.engineCall(() -> engine.release(scenario, s.game, inject));
        b.emit(Channel.of(inject.audience()), new EventPayload.InjectReleased(inject.id(), inject.title(), inject.text(), adHoc));
        views.emit(b, scenario, released.state(), released.effects(), "inject " + inject.id());
    }

    private Inject adHocInject(Batch b, Control.ReleaseInject release) {
        Inject.Audience audience;
        try {
            audience = Inject.Audience.valueOf(release.inject().audience() == null ? "ALL" : release.inject().audience());
        } catch (IllegalArgumentException e) {
            throw new CommandRejected("INVALID", "inject.audience: one of ALL, WASHINGTON, MOSCOW, FACILITATOR");
        }
        return new Inject("adhoc-" + b.nextSeq(), checks.requireText("inject.title", release.inject().title()),
                checks.requireText("inject.text", release.inject().text()), new Inject.OnRelease(),
                checks.changes(release.inject().changes()), audience, List.of());
    }

    private void rate(Batch b, Scenario scenario, Control.RateArgument rate) {
        ExerciseState s = b.state();
        if (s.mode == Mode.AUTOMATIC) {
            throw new CommandRejected("WRONG_PHASE", "Arguments are rated only in REVIEWED and FREE modes");
        }
        Side side = Checks.side(rate.side());
        Issue issue = Checks.issue(scenario, rate.issueId());
        if (rate.rating() == null || rate.rating() < -2 || rate.rating() > 2) {
            throw new CommandRejected("INVALID", "rating: -2 to 2");
        }
        b.emit(Channel.CONTROL, new EventPayload.ArgumentRated(side, issue.id(), rate.rating()));
        if (s.phase == Phase.ADJUDICATION) {
            flow.draftAdjudication(b, scenario);
        }
    }

    private void decide(Batch b, Scenario scenario, Control.Decide command) {
        ExerciseState s = b.state();
        String type = command.type();
        if (s.mode == Mode.AUTOMATIC || (type.equals("APPROVE") && s.mode == Mode.FREE)) {
            throw new CommandRejected("WRONG_PHASE", type + " is not used in " + s.mode + " mode");
        }
        String rationale = checks.requireText("rationale", command.rationale());
        Outcome draft = s.draftOutcome;
        boolean approve = type.equals("APPROVE");
        String summary = approve ? null : checks.requireText("summary", command.summary());
        Decision decision = new Decision(type, rationale, approve ? List.of() : checks.changes(command.changes()));
        Map<String, String> written = approve ? Map.of() : checks.byIssue(scenario, command.byIssue());
        Decision.Result result = Checks.engineCall(() -> decision.applyTo(engine, scenario, draft, s.turn));
        Narrative told = PublicNarration.of(scenario, draft, result.after());
        Narrative decided = approve ? told : new Narrative(summary, written.isEmpty() ? told.byIssue() : written);
        b.emit(Channel.CONTROL, new EventPayload.AdjudicationDecided(type, rationale, decided.summary(), decided.byIssue(),
                decision.changes()));
        flow.results(b, scenario, result.after(), result.effects(), decided, "FACILITATOR");
    }

    private static void movePlayer(Batch b, Control.MovePlayer move) {
        Member member = Checks.member(b.state(), move.playerId());
        Side to = Checks.side(move.side());
        if (member.role() != Role.PLAYER || member.side() == to) {
            throw new CommandRejected("INVALID", "Only a player can be moved, and to the other team");
        }
        b.emit(Channel.PUBLIC, new EventPayload.PlayerMoved(member.playerId(), member.name(), member.side(), to));
    }
}
