package org.hotline.exercise.internal;

import static org.hotline.exercise.internal.Batch.fields;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.access.Role;
import org.hotline.engine.Adjudicator;
import org.hotline.engine.Effect;
import org.hotline.engine.GameState;
import org.hotline.engine.IssueOutcome;
import org.hotline.engine.MoveOption;
import org.hotline.engine.Narrative;
import org.hotline.engine.Order;
import org.hotline.engine.Orders;
import org.hotline.engine.Outcome;
import org.hotline.engine.Proposal;
import org.hotline.engine.SideState;
import org.hotline.engine.TurnInput;
import org.hotline.engine.TurnStart;
import org.hotline.exercise.Actor;
import org.hotline.exercise.Channel;
import org.hotline.exercise.Command;
import org.hotline.exercise.CommandRejected;
import org.hotline.exercise.Member;
import org.hotline.exercise.Mode;
import org.hotline.exercise.Phase;
import org.hotline.scenario.Inject;
import org.hotline.scenario.Issue;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.Side;

/**
 * The rules of play: checks a command against the projected state and emits the events it makes.
 * Every refusal names its reason (docs/protocol.md, section 6).
 */
public class Referee {

    private final Adjudicator engine;
    /** Every free text (chat, arguments, proposals, rationales, summaries): hotline.live.max-chat-chars. */
    private final int maxText;

    public Referee(Adjudicator engine, int maxText) {
        this.engine = engine;
        this.maxText = maxText;
    }

    public void create(Batch b, Scenario scenario, String owner, Mode mode, long seed, Map<Phase, Integer> timers) {
        b.emit("EXERCISE_CREATED", Channel.CONTROL, fields("scenarioId", scenario.id(), "title", scenario.title(),
                "mode", mode, "seed", seed, "timers", timers, "owner", owner));
        states(b, scenario, engine.initialState(scenario), List.of(), "initial state of the scenario");
    }

    public void join(Batch b, String playerId, String name, Role role, Side side) {
        b.emit("PLAYER_JOINED", Channel.PUBLIC, fields("playerId", playerId, "name", name, "role", role, "side", side));
    }

    /** The phase's deadline passed (the clock calls this; a stale or paused deadline does nothing). */
    public void expire(Batch b, Scenario scenario, long deadline) {
        ExerciseState s = b.state();
        if (s.deadline != null && s.deadline == deadline && !s.paused && s.phase.timed()) {
            advance(b, scenario, "deadline");
        }
    }

    public void handle(Batch b, Scenario scenario, Actor actor, Command command) {
        if (b.state().phase == Phase.ENDED) {
            throw new CommandRejected("WRONG_PHASE", "The exercise has ended");
        }
        if (command instanceof Command.ChatTeam chat) {
            Side side = player(b, actor);
            b.emit("CHAT_TEAM", Channel.team(side), chat(actor, side, chat.text()));
        } else if (command instanceof Command.ChatDiplomacy chat) {
            Side side = player(b, actor);
            b.emit("CHAT_DIPLOMACY", Channel.DIPLOMACY, chat(actor, side, chat.text()));
        } else if (command instanceof Command.DraftLine line) {
            draftLine(b, scenario, actor, line);
        } else if (command instanceof Command.SubmitOrders) {
            submit(b, scenario, actor);
        } else if (command instanceof Command.ProposalAction proposal) {
            proposal(b, scenario, actor, proposal);
        } else if (command instanceof Command.Note note) {
            note(b, actor, note);
        } else if (command instanceof Command.Control control) {
            if (actor.role() != Role.FACILITATOR) {
                throw new CommandRejected("FORBIDDEN", "Only the facilitator sends control commands");
            }
            control(b, scenario, control);
        }
    }

    // ---- teams

    private static Side player(Batch b, Actor actor) {
        if (actor.role() != Role.PLAYER || actor.side() == null) {
            throw new CommandRejected("FORBIDDEN", "Only players of a team may do this");
        }
        Member member = b.state().members.get(actor.playerId());
        if (member == null || member.removed()) {
            throw new CommandRejected("FORBIDDEN", "You are not on this exercise's roster");
        }
        return member.side();
    }

    private Map<String, Object> chat(Actor actor, Side side, String text) {
        return fields("side", side, "playerId", actor.playerId(), "name", actor.name(), "text", requireText("text", text));
    }

    private void draftLine(Batch b, Scenario scenario, Actor actor, Command.DraftLine line) {
        ExerciseState s = b.state();
        Side side = player(b, actor);
        requireOpen(s, "Drafts can be edited");
        if (s.sealed.containsKey(side)) {
            throw new CommandRejected("SEALED", "Your team's orders are submitted and sealed until Results");
        }
        Issue issue = issue(scenario, line.issueId());
        Map<String, ExerciseState.DraftEntry> draft = new LinkedHashMap<>(s.drafts.getOrDefault(side, Map.of()));
        ExerciseState.DraftEntry previous = draft.get(issue.id());
        if (line.move() == null) {
            draft.remove(issue.id());
        } else {
            Move move = move(scenario, line.move());
            requireAllowed(scenario, s.game, side, issue.id(), move);
            String argument = line.argument() == null ? "" : line.argument().strip();
            if (argument.length() > maxText) {
                throw new CommandRejected("INVALID", "argument: at most " + maxText + " characters");
            }
            draft.put(issue.id(), new ExerciseState.DraftEntry(issue.id(), move, Boolean.TRUE.equals(line.redLine()), argument, actor.name()));
        }
        long moving = draft.values().stream().filter(e -> e.move() != Move.HOLD).count();
        if (scenario.issuesPerTurn() > 0 && moving > scenario.issuesPerTurn()) {
            throw new CommandRejected("INVALID", "This scenario allows moves on at most " + scenario.issuesPerTurn()
                    + " issues per turn; set another issue to HOLD first");
        }
        b.emit("DRAFT_CHANGED", Channel.team(side), fields("side", side, "playerId", actor.playerId(), "name", actor.name(),
                "change", fields("issueId", issue.id(), "move", line.move() == null ? null : Move.valueOf(line.move()),
                        "previous", previous == null ? null : previous.move()),
                "draft", draft));
    }

    private void submit(Batch b, Scenario scenario, Actor actor) {
        ExerciseState s = b.state();
        Side side = player(b, actor);
        if (s.phase != Phase.ORDERS) {
            throw new CommandRejected("WRONG_PHASE", "Orders can be submitted only in ORDERS; the exercise is in " + s.phase);
        }
        if (s.sealed.containsKey(side)) {
            throw new CommandRejected("SEALED", "Your team's orders are already submitted this turn");
        }
        Map<String, Order> byIssue = new LinkedHashMap<>();
        for (ExerciseState.DraftEntry entry : s.drafts.getOrDefault(side, Map.of()).values()) {
            // An inject may have changed what the team may do since the line was drafted.
            requireAllowed(scenario, s.game, side, entry.issueId(), entry.move());
            byIssue.put(entry.issueId(), new Order(entry.issueId(), entry.move(), entry.redLine(), entry.argument()));
        }
        b.emit("ORDERS_SUBMITTED", Channel.team(side), fields("side", side, "playerId", actor.playerId(),
                "name", actor.name(), "orders", new Orders(side, byIssue)));
        b.emit("ORDERS_SEALED", Channel.PUBLIC, fields("side", side));
        if (s.sealed.size() == Side.values().length) {
            lock(b, scenario, "both teams sealed their orders");
        }
    }

    private void proposal(Batch b, Scenario scenario, Actor actor, Command.ProposalAction command) {
        ExerciseState s = b.state();
        Side side = player(b, actor);
        requireOpen(s, "Proposals can be made");
        String action = command.action() == null ? "" : command.action();
        switch (action) {
            case "PROPOSE" -> propose(b, scenario, actor, side, command, null);
            case "ACCEPT", "REJECT", "COUNTER" -> {
                ExerciseState.OpenProposal open = s.proposals.get(command.proposalId());
                if (open == null || !"OPEN".equals(open.status())) {
                    throw new CommandRejected("UNKNOWN_PROPOSAL", "No open proposal '" + command.proposalId() + "' this turn");
                }
                if (open.from() == side) {
                    throw new CommandRejected("WRONG_TEAM", "Only the other team may answer your team's proposal");
                }
                String answer = switch (action) {
                    case "ACCEPT" -> "ACCEPTED";
                    case "REJECT" -> "REJECTED";
                    default -> "COUNTERED";
                };
                if ("COUNTER".equals(action)) {
                    // Check the counter before closing the original, so a bad counter changes nothing.
                    termsOf(scenario, command);
                }
                b.emit("PROPOSAL_ANSWERED", Channel.DIPLOMACY, fields("proposalId", open.id(), "answer", answer,
                        "by", side, "name", actor.name()));
                if ("COUNTER".equals(action)) {
                    propose(b, scenario, actor, side, command, open.id());
                }
            }
            default -> throw new CommandRejected("INVALID", "action: one of PROPOSE, ACCEPT, REJECT, COUNTER");
        }
    }

    private void propose(Batch b, Scenario scenario, Actor actor, Side side, Command.ProposalAction command, String counterTo) {
        List<Map<String, Move>> terms = termsOf(scenario, command);
        String text = command.text() == null ? "" : command.text().strip();
        if (text.length() > maxText) {
            throw new CommandRejected("INVALID", "text: at most " + maxText + " characters");
        }
        b.emit("PROPOSAL_MADE", Channel.DIPLOMACY, fields("proposalId", "P" + b.nextSeq(), "from", side,
                "offered", terms.get(0), "requested", terms.get(1), "text", text, "counterTo", counterTo, "name", actor.name()));
    }

    private List<Map<String, Move>> termsOf(Scenario scenario, Command.ProposalAction command) {
        Map<String, Move> offered = moves(scenario, command.offered());
        Map<String, Move> requested = moves(scenario, command.requested());
        if (offered.isEmpty() && requested.isEmpty()) {
            throw new CommandRejected("INVALID", "A proposal offers or requests at least one move");
        }
        return List.of(offered, requested);
    }

    private static Map<String, Move> moves(Scenario scenario, Map<String, String> raw) {
        Map<String, Move> moves = new LinkedHashMap<>();
        if (raw != null) {
            raw.forEach((issueId, move) -> moves.put(issue(scenario, issueId).id(), move(scenario, move)));
        }
        return moves;
    }

    private void note(Batch b, Actor actor, Command.Note note) {
        if (actor.role() != Role.NOTETAKER && actor.role() != Role.FACILITATOR) {
            throw new CommandRejected("FORBIDDEN", "Only the notetaker and the facilitator take notes");
        }
        String tag = note.tag() == null ? "" : note.tag();
        if (!List.of("NOTE", "MOMENT", "QUOTE").contains(tag)) {
            throw new CommandRejected("INVALID", "tag: one of NOTE, MOMENT, QUOTE");
        }
        b.emit("NOTE_ADDED", Channel.STAFF, fields("tag", tag, "text", requireText("text", note.text()),
                "decision", note.decision(), "name", actor.name(), "role", actor.role()));
    }

    // ---- facilitator

    private void control(Batch b, Scenario scenario, Command.Control c) {
        ExerciseState s = b.state();
        String type = c.type() == null ? "" : c.type();
        switch (type) {
            case "START" -> {
                if (s.phase != Phase.LOBBY) {
                    throw new CommandRejected("WRONG_PHASE", "The exercise has already started");
                }
                openTurn(b, scenario, "started by the facilitator");
            }
            case "ADVANCE" -> advance(b, scenario, "advanced by the facilitator");
            case "CUT" -> {
                if (!s.phase.timed()) {
                    throw new CommandRejected("WRONG_PHASE", "No phase to cut short in " + s.phase);
                }
                advance(b, scenario, "cut short by the facilitator");
            }
            case "PAUSE" -> {
                if (s.deadline == null || s.paused) {
                    throw new CommandRejected("WRONG_PHASE", "No running deadline to pause");
                }
                clock(b, "PAUSE", null, Math.max(0, s.deadline - b.now()));
            }
            case "RESUME" -> {
                if (!s.paused) {
                    throw new CommandRejected("WRONG_PHASE", "The clock is not paused");
                }
                clock(b, "RESUME", b.now() + s.remainingMillis, null);
            }
            case "EXTEND" -> {
                if (!s.phase.timed()) {
                    throw new CommandRejected("WRONG_PHASE", "No deadline to extend in " + s.phase);
                }
                if (c.seconds() == null || c.seconds() < 1 || c.seconds() > 86_400) {
                    throw new CommandRejected("INVALID", "seconds: 1 to 86400");
                }
                long extra = c.seconds() * 1000L;
                if (s.paused) {
                    clock(b, "EXTEND", null, s.remainingMillis + extra);
                } else {
                    clock(b, "EXTEND", (s.deadline == null ? b.now() : s.deadline) + extra, null);
                }
            }
            case "RELEASE_INJECT" -> releaseInject(b, scenario, c);
            case "LOCK_ORDERS" -> {
                if (s.phase != Phase.ORDERS) {
                    throw new CommandRejected("WRONG_PHASE", "Orders can be locked only in ORDERS; the exercise is in " + s.phase);
                }
                lock(b, scenario, "locked by the facilitator");
            }
            case "RATE_ARGUMENT" -> rate(b, scenario, c);
            case "APPROVE", "EDIT", "OVERRIDE" -> decide(b, scenario, c, type);
            case "REMOVE_PLAYER" -> {
                Member member = member(s, c.playerId());
                b.emit("PLAYER_REMOVED", Channel.PUBLIC, fields("playerId", member.playerId(), "name", member.name()));
            }
            case "MOVE_PLAYER" -> {
                Member member = member(s, c.playerId());
                Side to = side(c.side());
                if (member.role() != Role.PLAYER || member.side() == to) {
                    throw new CommandRejected("INVALID", "Only a player can be moved, and to the other team");
                }
                b.emit("PLAYER_MOVED", Channel.PUBLIC, fields("playerId", member.playerId(), "name", member.name(),
                        "from", member.side(), "side", to));
            }
            case "END" -> end(b, scenario, c.reason() == null || c.reason().isBlank() ? "ended by the facilitator" : c.reason().strip());
            default -> throw new CommandRejected("INVALID", "type: one of START, ADVANCE, PAUSE, RESUME, EXTEND, CUT, "
                    + "RELEASE_INJECT, LOCK_ORDERS, RATE_ARGUMENT, APPROVE, EDIT, OVERRIDE, REMOVE_PLAYER, MOVE_PLAYER, END");
        }
    }

    private static void clock(Batch b, String action, Long deadline, Long remainingMillis) {
        b.emit("CLOCK_CHANGED", Channel.PUBLIC, fields("action", action,
                "deadline", deadline == null ? null : Instant.ofEpochMilli(deadline).toString(),
                "paused", remainingMillis != null, "remainingSeconds", remainingMillis == null ? null : remainingMillis / 1000,
                "remainingMillis", remainingMillis));
    }

    private void releaseInject(Batch b, Scenario scenario, Command.Control c) {
        ExerciseState s = b.state();
        requireOpen(s, "Injects can be released");
        Inject inject;
        boolean adHoc = c.injectId() == null;
        if (!adHoc) {
            inject = scenario.inject(c.injectId())
                    .orElseThrow(() -> new CommandRejected("UNKNOWN_INJECT", "No inject '" + c.injectId() + "' in this scenario"));
            if (s.game.firedInjects().contains(inject.id())) {
                throw new CommandRejected("UNKNOWN_INJECT", "Inject '" + inject.id() + "' has already been released");
            }
        } else if (c.inject() != null) {
            Command.AdHocInject spec = c.inject();
            Inject.Audience audience;
            try {
                audience = Inject.Audience.valueOf(spec.audience() == null ? "ALL" : spec.audience());
            } catch (IllegalArgumentException e) {
                throw new CommandRejected("INVALID", "inject.audience: one of ALL, WASHINGTON, MOSCOW, FACILITATOR");
            }
            inject = new Inject("adhoc-" + b.nextSeq(), requireText("inject.title", spec.title()),
                    requireText("inject.text", spec.text()), new Inject.OnRelease(), changes(spec.changes()), audience, List.of());
        } else {
            throw new CommandRejected("INVALID", "RELEASE_INJECT needs injectId or inject");
        }
        TurnStart released = engineCall(() -> engine.release(scenario, s.game, inject));
        b.emit("INJECT_RELEASED", channelFor(inject.audience()), fields("injectId", inject.id(), "title", inject.title(),
                "text", inject.text(), "adHoc", adHoc));
        states(b, scenario, released.state(), released.effects(), "inject " + inject.id());
    }

    private void rate(Batch b, Scenario scenario, Command.Control c) {
        ExerciseState s = b.state();
        if (s.mode == Mode.AUTOMATIC) {
            throw new CommandRejected("WRONG_PHASE", "Arguments are rated only in REVIEWED and FREE modes");
        }
        if (s.phase != Phase.ORDERS && s.phase != Phase.ADJUDICATION) {
            throw new CommandRejected("WRONG_PHASE", "Arguments are rated in ORDERS or ADJUDICATION; the exercise is in " + s.phase);
        }
        Side side = side(c.side());
        Issue issue = issue(scenario, c.issueId());
        if (c.rating() == null || c.rating() < -2 || c.rating() > 2) {
            throw new CommandRejected("INVALID", "rating: -2 to 2");
        }
        b.emit("ARGUMENT_RATED", Channel.CONTROL, fields("side", side, "issueId", issue.id(), "rating", c.rating()));
        if (s.phase == Phase.ADJUDICATION) {
            draftAdjudication(b, scenario);
        }
    }

    private void decide(Batch b, Scenario scenario, Command.Control c, String decision) {
        ExerciseState s = b.state();
        if (s.phase != Phase.ADJUDICATION) {
            throw new CommandRejected("WRONG_PHASE", decision + " applies in ADJUDICATION; the exercise is in " + s.phase);
        }
        if (s.mode == Mode.AUTOMATIC || (decision.equals("APPROVE") && s.mode == Mode.FREE)) {
            throw new CommandRejected("WRONG_PHASE", decision + " is not used in " + s.mode + " mode");
        }
        String rationale = requireText("rationale", c.rationale());
        Outcome outcome = s.draftOutcome;
        if (decision.equals("APPROVE")) {
            Narrative told = PublicNarration.of(scenario, outcome, outcome.after());
            b.emit("ADJUDICATION_DECIDED", Channel.CONTROL, fields("decision", decision, "rationale", rationale,
                    "summary", told.summary(), "byIssue", told.byIssue(), "changes", List.of()));
            results(b, scenario, outcome.after(), outcome.effects(), told.summary(), told.byIssue(), "FACILITATOR");
            return;
        }
        String summary = requireText("summary", c.summary());
        List<Inject.Change> changes = changes(c.changes());
        Map<String, String> written = byIssue(scenario, c.byIssue());
        // EDIT amends the engine's result; OVERRIDE is the facilitator's own outcome, written on the state
        // before adjudication (the engine's result stays in ADJUDICATION_DRAFTED as advice).
        boolean override = decision.equals("OVERRIDE");
        GameState after = override ? outcome.before() : outcome.after();
        List<Effect> effects = override ? new ArrayList<>() : new ArrayList<>(outcome.effects());
        if (!changes.isEmpty()) {
            Inject edit = new Inject("decision-" + s.turn, "Facilitator's decision", rationale, new Inject.OnRelease(),
                    changes, Inject.Audience.FACILITATOR, List.of());
            GameState base = after;
            TurnStart edited = engineCall(() -> engine.release(scenario, base, edit));
            after = edited.state();
            effects.addAll(edited.effects());
        }
        Map<String, String> byIssue = written.isEmpty() ? PublicNarration.of(scenario, outcome, after).byIssue() : written;
        b.emit("ADJUDICATION_DECIDED", Channel.CONTROL, fields("decision", decision, "rationale", rationale,
                "summary", summary, "byIssue", byIssue, "changes", changes));
        results(b, scenario, after, effects, summary, byIssue, "FACILITATOR");
    }

    // ---- the turn

    private void advance(Batch b, Scenario scenario, String reason) {
        ExerciseState s = b.state();
        switch (s.phase) {
            case LOBBY -> openTurn(b, scenario, reason);
            case BRIEFING -> enter(b, Phase.DELIBERATION, s.turn, reason);
            case DELIBERATION -> enter(b, Phase.ORDERS, s.turn, reason);
            case ORDERS -> lock(b, scenario, reason);
            case ADJUDICATION -> throw new CommandRejected("WRONG_PHASE", "Adjudication ends with APPROVE, EDIT or OVERRIDE");
            case RESULTS -> {
                if (s.turn >= scenario.turns() || s.game.conflict()) {
                    end(b, scenario, s.game.conflict() ? "the exercise ended in conflict" : "the last turn has been played");
                } else {
                    openTurn(b, scenario, reason);
                }
            }
            case ENDED -> throw new CommandRejected("WRONG_PHASE", "The exercise has ended");
        }
    }

    private void openTurn(Batch b, Scenario scenario, String reason) {
        ExerciseState s = b.state();
        enter(b, Phase.BRIEFING, s.turn + 1, reason);
        TurnStart start = engine.openTurn(scenario, s.game, s.seed);
        for (Inject inject : start.released()) {
            b.emit("INJECT_RELEASED", channelFor(inject.audience()), fields("injectId", inject.id(),
                    "title", inject.title(), "text", inject.text(), "adHoc", false));
        }
        states(b, scenario, start.state(), start.effects(), "turn " + s.turn + " opens");
    }

    private static void enter(Batch b, Phase phase, int turn, String reason) {
        Integer seconds = b.state().timers.get(phase);
        Long deadline = phase.timed() && seconds != null && seconds > 0 ? b.now() + seconds * 1000L : null;
        b.emit("PHASE_CHANGED", Channel.PUBLIC, fields("phase", phase, "turn", turn,
                "deadline", deadline == null ? null : Instant.ofEpochMilli(deadline).toString(),
                "paused", false, "remainingSeconds", null, "reason", reason));
    }

    private void lock(Batch b, Scenario scenario, String reason) {
        ExerciseState s = b.state();
        for (Side side : Side.values()) {
            if (!s.sealed.containsKey(side)) {
                b.emit("ORDERS_DEFAULTED", Channel.PUBLIC, fields("side", side,
                        "reason", "no orders when the orders phase closed (" + reason + "): HOLD on every issue"));
            }
        }
        enter(b, Phase.ADJUDICATION, s.turn, reason);
        draftAdjudication(b, scenario);
    }

    private void draftAdjudication(Batch b, Scenario scenario) {
        ExerciseState s = b.state();
        List<Proposal> accepted = s.proposals.values().stream()
                .filter(p -> "ACCEPTED".equals(p.status()))
                .map(p -> new Proposal(p.id(), p.from(), p.offered(), p.requested()))
                .toList();
        Map<Side, Map<String, Integer>> ratings = new EnumMap<>(Side.class);
        s.ratings.forEach((side, byIssue) -> ratings.put(side, Map.copyOf(byIssue)));
        TurnInput input = new TurnInput(s.sealed.get(Side.WASHINGTON), s.sealed.get(Side.MOSCOW), accepted, ratings);
        Outcome outcome = engine.adjudicate(scenario, s.game, input, s.seed);
        Narrative narrative = engine.narrate(scenario, outcome);
        b.emit("ADJUDICATION_DRAFTED", Channel.CONTROL, fields("outcome", outcome, "narrative", narrative, "input", input));
        if (s.mode == Mode.AUTOMATIC) {
            Narrative told = PublicNarration.of(scenario, outcome, outcome.after());
            results(b, scenario, outcome.after(), outcome.effects(), told.summary(), told.byIssue(), "ENGINE");
        }
    }

    private void results(Batch b, Scenario scenario, GameState after, List<Effect> effects, String summary,
                         Map<String, String> byIssue, String decidedBy) {
        ExerciseState s = b.state();
        Map<Side, Map<String, Order>> orders = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            orders.put(side, s.sealed.get(side).byIssue());
        }
        List<Map<String, Object>> issues = new ArrayList<>();
        for (IssueOutcome issue : s.draftOutcome.issues()) {
            issues.add(fields("issueId", issue.issueId(), "washingtonMove", issue.washingtonMove(),
                    "moscowMove", issue.moscowMove(), "before", issue.before(),
                    "after", Optional.ofNullable(after.issue(issue.issueId())).map(i -> i.status()).orElse(issue.after())));
        }
        b.emit("RESULTS_PUBLISHED", Channel.PUBLIC, fields("turn", s.turn, "orders", orders, "issues", issues,
                "summary", summary, "byIssue", byIssue, "agreements", after.agreements(), "tension", after.tension(),
                "decidedBy", decidedBy));
        states(b, scenario, after, effects, "results of turn " + s.turn);
        enter(b, Phase.RESULTS, s.turn, "results published");
        if (after.conflict()) {
            end(b, scenario, "the exercise ended in conflict");
        }
    }

    private void end(Batch b, Scenario scenario, String reason) {
        ExerciseState s = b.state();
        b.emit("EXERCISE_ENDED", Channel.PUBLIC, fields("reason", reason,
                "scores", engine.score(scenario, s.game), "tension", s.game.tension()));
        enter(b, Phase.ENDED, s.turn, reason);
    }

    /** The three views of a state: whole (facilitator), public, and each side's own. */
    private void states(Batch b, Scenario scenario, GameState state, List<Effect> effects, String reason) {
        b.emit("STATE_FULL", Channel.CONTROL, fields("state", state, "effects", effects, "reason", reason));
        List<Map<String, Object>> issues = new ArrayList<>();
        state.issues().values().forEach(issue -> issues.add(fields("id", issue.id(), "status", issue.status())));
        b.emit("STATE_PUBLIC", Channel.PUBLIC, fields("tension", state.tension(), "issues", issues,
                "agreements", state.agreements(), "conflict", state.conflict()));
        for (Side side : Side.values()) {
            SideState own = state.side(side);
            Map<String, Object> view = fields("trust", own.trust(), "threatPerception", own.threatPerception(),
                    "domesticSupport", own.domesticSupport(), "champion", own.champion());
            if (side.stronger()) {
                view.put("burden", own.burden());
                view.put("allianceCohesion", own.allianceCohesion());
            } else {
                view.put("perceivedResolve", own.perceivedResolve());
                view.put("strain", own.strain());
            }
            List<MoveOption> withheld = engine.options(scenario, state, side).stream().filter(o -> !o.allowed()).toList();
            b.emit("STATE_SIDE", Channel.team(side), fields("side", side, "own", view, "withheld", withheld));
        }
    }

    // ---- checks

    private void requireAllowed(Scenario scenario, GameState state, Side side, String issueId, Move move) {
        for (MoveOption option : engine.options(scenario, state, side)) {
            if (option.issueId().equals(issueId) && option.move() == move && !option.allowed()) {
                throw new CommandRejected("MOVE_WITHHELD", move + " on " + issueId + " is withheld from your team now: "
                        + option.reason());
            }
        }
    }

    private static void requireOpen(ExerciseState s, String what) {
        if (!s.phase.open()) {
            throw new CommandRejected("WRONG_PHASE", what + " only in BRIEFING, DELIBERATION or ORDERS; the exercise is in " + s.phase);
        }
    }

    private static Issue issue(Scenario scenario, String issueId) {
        return scenario.issue(issueId == null ? "" : issueId)
                .orElseThrow(() -> new CommandRejected("UNKNOWN_ISSUE", "No issue '" + issueId + "' in this scenario"));
    }

    private static Move move(Scenario scenario, String name) {
        Move move;
        try {
            move = Move.valueOf(name == null ? "" : name);
        } catch (IllegalArgumentException e) {
            throw new CommandRejected("UNKNOWN_MOVE", "No move '" + name + "'; moves are " + List.of(Move.values()));
        }
        if (!scenario.allowedMoves().contains(move)) {
            throw new CommandRejected("UNKNOWN_MOVE", "Move " + move + " is not used in this scenario");
        }
        return move;
    }

    private static Side side(String name) {
        try {
            return Side.valueOf(name == null ? "" : name);
        } catch (IllegalArgumentException e) {
            throw new CommandRejected("INVALID", "side: WASHINGTON or MOSCOW");
        }
    }

    private static Member member(ExerciseState s, String playerId) {
        Member member = playerId == null ? null : s.members.get(playerId);
        if (member == null || member.removed()) {
            throw new CommandRejected("UNKNOWN_PLAYER", "No player '" + playerId + "' in this exercise");
        }
        return member;
    }

    private String requireText(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new CommandRejected("INVALID", field + ": required");
        }
        if (text.length() > maxText) {
            throw new CommandRejected("INVALID", field + ": at most " + maxText + " characters");
        }
        return text.strip();
    }

    /** The facilitator's account per issue: known issue ids, texts within the limit. */
    private Map<String, String> byIssue(Scenario scenario, Map<String, String> byIssue) {
        if (byIssue == null) {
            return Map.of();
        }
        Map<String, String> checked = new LinkedHashMap<>();
        byIssue.forEach((issueId, text) -> checked.put(issue(scenario, issueId).id(), requireText("byIssue." + issueId, text)));
        return checked;
    }

    private List<Inject.Change> changes(List<Command.StateChange> changes) {
        if (changes == null) {
            return List.of();
        }
        return changes.stream().map(c -> new Inject.Change(requireText("changes.variable", c.variable()), c.delta(), c.set())).toList();
    }

    private static <T> T engineCall(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (IllegalArgumentException e) {
            throw new CommandRejected("INVALID", e.getMessage());
        }
    }

    private static Channel channelFor(Inject.Audience audience) {
        return switch (audience) {
            case ALL -> Channel.PUBLIC;
            case WASHINGTON -> Channel.TEAM_WASHINGTON;
            case MOSCOW -> Channel.TEAM_MOSCOW;
            case FACILITATOR -> Channel.CONTROL;
        };
    }
}
