package org.hotline.scenario.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.hotline.scenario.AllyStance;
import org.hotline.scenario.Brief;
import org.hotline.scenario.Context;
import org.hotline.scenario.Cost;
import org.hotline.scenario.Finding;
import org.hotline.scenario.HistoricalTrack;
import org.hotline.scenario.Inject;
import org.hotline.scenario.Issue;
import org.hotline.scenario.IssueStatus;
import org.hotline.scenario.Move;
import org.hotline.scenario.Rulebook;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.Side;
import org.hotline.scenario.SideSetup;
import org.hotline.scenario.VariablePath;

/**
 * Reads and validates one scenario file (format: docs/scenarios.md). Every problem is recorded with
 * its line and field; a file with any problem gives no scenario at all.
 */
final class ScenarioReader {

    /** A side's value that the design tracks only for the other side; kept but unused. */
    private static final double UNUSED = 50;
    private static final int MAX_TURNS = 100;

    private final Map<String, Finding> findings;
    private final Rulebook rulebook;
    /** Scenario ids already loaded by this reader, with their files: a later file may not reuse one. */
    private final Map<String, String> taken = new LinkedHashMap<>();

    ScenarioReader(Map<String, Finding> findings, Rulebook rulebook) {
        this.findings = findings;
        this.rulebook = rulebook;
    }

    /** The scenario, or empty if the file has any problem (each recorded in {@code problems}). */
    Optional<Scenario> read(String text, Problems problems) {
        Values values = new Values(problems);
        Optional<Scenario> scenario = values.document(text).flatMap(file -> new Reading(values, file).scenario());
        scenario.ifPresent(s -> taken.put(s.id(), s.source()));
        return scenario;
    }

    /** One pass over one file. */
    private final class Reading {

        private final Values values;
        private final Problems problems;
        private final Fields file;
        private final Map<String, Issue> issues = new LinkedHashMap<>();
        private final Map<String, Inject> injects = new LinkedHashMap<>();
        /** Each side's brief, read once the issues and the effective rulebook are known. */
        private final Map<Side, YamlNode> briefs = new EnumMap<>(Side.class);
        private Set<Move> allowed = EnumSet.allOf(Move.class);
        private int turns = MAX_TURNS;

        Reading(Values values, Fields file) {
            this.values = values;
            this.problems = values.problems();
            this.file = file;
        }

        Optional<Scenario> scenario() {
            String id = Ids.plainId(file, "id", problems);
            if (id != null && taken.containsKey(id)) {
                problems.at(file.optional("id").orElseThrow(), "duplicate scenario id '" + id + "', already used by " + taken.get(id));
            }
            String title = file.text("title");
            String summary = file.text("summary");
            String facilitatorBrief = file.text("facilitatorBrief");
            Optional<String> caseStudy = caseStudy();
            Integer turnCount = file.integer("turns", 1, MAX_TURNS);
            turns = turnCount != null ? turnCount : MAX_TURNS;
            String turnLength = file.text("turnLength");
            Map<Side, SideSetup> sides = sides();
            Double tension = file.number("tension", 0, 100);
            Context context = context();
            readIssues();
            Integer issuesPerTurn = file.integer("issuesPerTurn", 0, MAX_TURNS, 0);
            if (issuesPerTurn != null && issuesPerTurn > issues.size() && !issues.isEmpty()) {
                problems.at(file.optional("issuesPerTurn").orElseThrow(),
                        "out of range: " + issuesPerTurn + " is more than the " + issues.size() + " issues defined");
            }
            readAllowedMoves();
            readInjects();
            Optional<HistoricalTrack> track = file.optional("track").map(values::fields).map(this::track);
            Rulebook effective = overrides();
            sides = withBriefs(sides, effective, context, tension);
            file.finish();
            if (problems.any()) {
                return Optional.empty();
            }
            return Optional.of(new Scenario(id, title, summary, facilitatorBrief, caseStudy, turns, turnLength,
                    issuesPerTurn, sides, tension, context, List.copyOf(issues.values()),
                    List.copyOf(injects.values()), Collections.unmodifiableSet(allowed), track, effective,
                    problems.file()));
        }

        private Optional<String> caseStudy() {
            return file.optional("caseStudy").map(node -> {
                String id = values.text(node);
                if (id != null && !(findings.containsKey(id) && findings.get(id).kind().equals("case"))) {
                    problems.at(node, "unknown case study '" + id + "'; the finding catalogue's cases are "
                            + String.join(", ", findings.values().stream().filter(f -> f.kind().equals("case"))
                                    .map(Finding::id).sorted().toList()));
                }
                return id;
            });
        }

        private Map<Side, SideSetup> sides() {
            Fields all = file.fields("sides");
            if (all == null) {
                return Map.of();
            }
            Map<Side, SideSetup> sides = new EnumMap<>(Side.class);
            for (Side side : Side.values()) {
                Fields one = all.fields(seat(side));
                if (one != null) {
                    sides.put(side, side(one, side));
                }
            }
            all.finish();
            return Collections.unmodifiableMap(sides);
        }

        private SideSetup side(Fields s, Side side) {
            String label = s.text("label");
            s.required("brief").ifPresent(node -> briefs.put(side, node));
            Double trust = s.number("trust", 0, 100);
            Double threat = s.number("threatPerception", 0, 100);
            Double support = s.number("domesticSupport", 0, 100);
            Boolean champion = s.bool("champion", false);
            boolean weaker = !side.stronger();
            Double resolve = weaker ? s.number("perceivedResolve", 0, 100) : s.number("perceivedResolve", 0, 100, UNUSED);
            Double strain = weaker ? s.number("strain", 0, 100) : s.number("strain", 0, 100, UNUSED);
            Double burden = weaker ? s.number("burden", 0, 100, UNUSED) : s.number("burden", 0, 100);
            Double cohesion = weaker ? s.number("allianceCohesion", 0, 100, UNUSED) : s.number("allianceCohesion", 0, 100);
            s.finish();
            return new SideSetup(label, null, orZero(trust), orZero(threat), orZero(support),
                    champion != null && champion, orZero(resolve), orZero(strain), orZero(burden), orZero(cohesion));
        }

        private Map<Side, SideSetup> withBriefs(Map<Side, SideSetup> sides, Rulebook effective, Context context, Double tension) {
            BriefReader reader = new BriefReader(values, issues.keySet(), effective, context, orZero(tension));
            Map<Side, SideSetup> briefed = new EnumMap<>(Side.class);
            sides.forEach((side, s) -> {
                Brief brief = briefs.containsKey(side) ? reader.read(briefs.get(side), s) : null;
                briefed.put(side, brief == null ? s : new SideSetup(s.label(), brief.summary(), s.trust(), s.threatPerception(),
                        s.domesticSupport(), s.champion(), s.perceivedResolve(), s.strain(), s.burden(), s.allianceCohesion(), brief));
            });
            return Collections.unmodifiableMap(briefed);
        }

        private Context context() {
            Fields c = file.fields("context");
            if (c == null) {
                return null;
            }
            Context context = new Context(
                    orZero(c.number("chinaAlignment", 0, 100)),
                    orZero(c.number("trendsAgainstWeaker", 0, 100)),
                    orZero(c.number("powerRatio", 1, 10)),
                    orZero(c.number("revisionism", 0, 100)),
                    orZero(c.number("spoilerRisk", 0, 100)));
            c.finish();
            return context;
        }

        private void readIssues() {
            List<YamlNode> nodes = file.list("issues");
            if (nodes.isEmpty() && file.optional("issues").isPresent()) {
                problems.at(file.optional("issues").orElseThrow(), "a scenario needs at least one issue");
            }
            readById(nodes, "issue", issues, this::issue);
        }

        private Issue issue(Fields i, String id) {
            String name = i.text("name");
            String description = i.text("description");
            Set<Side> coreFor = EnumSet.noneOf(Side.class);
            for (YamlNode sideNode : i.optionalList("coreFor")) {
                Side side = values.choice(sideNode, Side.class, "side");
                if (side != null) {
                    coreFor.add(side);
                }
            }
            Boolean shared = i.bool("sharedInterest", false);
            Map<Side, Double> salience = salience(i.fields("salience"));
            IssueStatus status = i.choice("status", IssueStatus.class, "issue status", IssueStatus.CONTESTED);
            if (status == IssueStatus.CONFLICT) {
                // CONFLICT is how an exercise ends (mechanism 11); it cannot be where one starts.
                problems.at(i.optional("status").orElseThrow(), "an issue cannot start in CONFLICT: that status ends the exercise");
            }
            Double balance = i.number("balance", 0, 100, 50);
            Boolean institutional = i.bool("institutional", false);
            Set<Cost> lowers = EnumSet.noneOf(Cost.class);
            for (YamlNode costNode : i.optionalList("lowers")) {
                Cost cost = values.choice(costNode, Cost.class, "cost");
                if (cost != null) {
                    lowers.add(cost);
                }
            }
            AllyStance allies = i.choice("allies", AllyStance.class, "allies' stance", AllyStance.NONE);
            return new Issue(id, name, description, Collections.unmodifiableSet(coreFor), shared != null && shared,
                    salience, status, orZero(balance), institutional != null && institutional,
                    Collections.unmodifiableSet(lowers), allies == null ? AllyStance.NONE : allies);
        }

        /** Reads a list of mappings that each carry an {@code id}, refusing ids given twice. */
        private <T> void readById(List<YamlNode> nodes, String noun, Map<String, T> into, BiFunction<Fields, String, T> reader) {
            for (YamlNode node : nodes) {
                Fields fields = values.fields(node);
                if (fields == null) {
                    continue;
                }
                String id = Ids.plainId(fields, "id", problems);
                T item = reader.apply(fields, id);
                fields.finish();
                if (id != null && into.containsKey(id)) {
                    problems.at(node, "duplicate " + noun + " id '" + id + "'");
                } else if (id != null && item != null) {
                    into.put(id, item);
                }
            }
        }

        private Map<Side, Double> salience(Fields s) {
            if (s == null) {
                return Map.of();
            }
            Map<Side, Double> salience = new EnumMap<>(Side.class);
            for (Side side : Side.values()) {
                salience.put(side, orZero(s.number(seat(side), 0, 1)));
            }
            s.finish();
            return Collections.unmodifiableMap(salience);
        }

        private void readAllowedMoves() {
            Optional<YamlNode> node = file.optional("allowedMoves");
            if (node.isEmpty()) {
                return;
            }
            Set<Move> moves = EnumSet.noneOf(Move.class);
            for (YamlNode item : values.list(node.get())) {
                Move move = values.choice(item, Move.class, "move");
                if (move != null) {
                    moves.add(move);
                }
            }
            if (moves.isEmpty()) {
                problems.at(node.get(), "a scenario needs at least one allowed move");
            } else {
                allowed = moves;
            }
        }

        private void readInjects() {
            readById(file.optionalList("injects"), "inject", injects, this::inject);
        }

        private Inject inject(Fields i, String id) {
            String title = i.text("title");
            String text = i.text("text");
            Inject.Trigger trigger = i.required("trigger").map(this::trigger).orElse(null);
            List<Inject.Change> changes = i.optionalList("changes").stream().map(this::change)
                    .filter(c -> c != null).toList();
            Inject.Audience audience = i.choice("audience", Inject.Audience.class, "audience", Inject.Audience.ALL);
            List<String> refs = Ids.findingRefs(i, "findings", findings, values);
            return new Inject(id, title, text, trigger, changes, audience, refs);
        }

        /** {@code release}, {@code {turn: N}}, or {@code {when: <variable>, above|below: X}}. */
        private Inject.Trigger trigger(YamlNode node) {
            if (node instanceof YamlNode.Scalar scalar && "release".equals(scalar.text())) {
                return new Inject.OnRelease();
            }
            if (!(node instanceof YamlNode.Mapping)) {
                problems.at(node, "expected 'release', {turn: N} or {when: <variable>, above|below: <number>}, found " + node.describe());
                return null;
            }
            Fields t = values.fields(node);
            Inject.Trigger trigger;
            if (t.optional("turn").isPresent()) {
                Integer turn = t.integer("turn", 1, turns);
                trigger = turn != null ? new Inject.AtTurn(turn) : null;
            } else if (t.optional("when").isPresent()) {
                trigger = when(t);
            } else {
                problems.at(node, "a trigger needs 'turn' or 'when' (or is the word 'release')");
                trigger = null;
            }
            t.finish();
            return trigger;
        }

        private Inject.Trigger when(Fields t) {
            YamlNode variableNode = t.required("when").orElseThrow();
            VariablePath path = variable(variableNode);
            if (path != null && path.kind() != VariablePath.Kind.NUMBER) {
                problems.at(variableNode, "a trigger watches a number; '" + path + "' is not one");
                path = null;
            }
            boolean above = t.optional("above").isPresent();
            boolean below = t.optional("below").isPresent();
            if (above == below) {
                problems.at(t.line(), t.path(), "a 'when' trigger needs exactly one of 'above' or 'below'");
                return null;
            }
            double min = path != null ? path.min() : -Double.MAX_VALUE;
            double max = path != null ? path.max() : Double.MAX_VALUE;
            Double value = t.number(above ? "above" : "below", min, max);
            if (path == null || value == null) {
                return null;
            }
            return new Inject.When(path.toString(), above ? Inject.Comparison.ABOVE : Inject.Comparison.BELOW, value);
        }

        private Inject.Change change(YamlNode node) {
            Fields c = values.fields(node);
            if (c == null) {
                return null;
            }
            VariablePath path = c.required("variable").map(this::variable).orElse(null);
            Optional<YamlNode> delta = c.optional("delta");
            Optional<YamlNode> set = c.optional("set");
            c.finish();
            if (delta.isPresent() == set.isPresent()) {
                problems.at(c.line(), c.path(), "a change needs exactly one of 'delta' or 'set'");
                return null;
            }
            if (path == null) {
                return null;
            }
            if (delta.isPresent()) {
                if (path.kind() != VariablePath.Kind.NUMBER) {
                    problems.at(delta.get(), "'" + path + "' is not a number: use 'set'");
                    return null;
                }
                double span = path.max() - path.min();
                Double value = values.number(delta.get(), -span, span);
                return value != null ? new Inject.Change(path.toString(), value, null) : null;
            }
            String value = switch (path.kind()) {
                case NUMBER -> Optional.ofNullable(values.number(set.get(), path.min(), path.max())).map(Values::format).orElse(null);
                case FLAG -> Optional.ofNullable(values.bool(set.get())).map(String::valueOf).orElse(null);
                case STATUS -> Optional.ofNullable(values.choice(set.get(), IssueStatus.class, "issue status")).map(Enum::name).orElse(null);
            };
            if (path.scope() == VariablePath.Scope.AGREEMENT && "false".equals(value)) {
                problems.at(set.get(), "an agreement can only be made to lapse: set true");
                return null;
            }
            return value != null ? new Inject.Change(path.toString(), null, value) : null;
        }

        /** A variable path whose issue, if it names one, is defined in this file. */
        private VariablePath variable(YamlNode node) {
            String text = values.text(node);
            if (text == null) {
                return null;
            }
            try {
                VariablePath path = VariablePath.parse(text);
                if (path.issueId() != null && !issues.containsKey(path.issueId())) {
                    problems.at(node, unknownIssue(path.issueId()));
                    return null;
                }
                return path;
            } catch (IllegalArgumentException e) {
                problems.at(node, e.getMessage());
                return null;
            }
        }

        private HistoricalTrack track(Fields t) {
            String source = t.text("source");
            List<HistoricalTrack.TrackTurn> trackTurns = new ArrayList<>();
            Set<Integer> seen = new HashSet<>();
            boolean complete = true;
            for (YamlNode node : t.list("turns")) {
                Fields turn = values.fields(node);
                HistoricalTrack.TrackTurn trackTurn = turn != null ? trackTurn(turn) : null;
                if (trackTurn == null) {
                    complete = false;
                    continue;
                }
                if (!seen.add(trackTurn.turn())) {
                    problems.at(node, "duplicate track turn " + trackTurn.turn());
                } else {
                    trackTurns.add(trackTurn);
                }
            }
            // An entry that did not read has its own problem; a gap is reported only when all read.
            for (int turn = 1; turn <= turns && complete; turn++) {
                if (!seen.contains(turn)) {
                    problems.at(t.line(), YamlNode.child(t.path(), "turns"), "the track has no entry for turn " + turn);
                }
            }
            t.finish();
            trackTurns.sort((a, b) -> Integer.compare(a.turn(), b.turn()));
            return new HistoricalTrack(List.copyOf(trackTurns), source);
        }

        private HistoricalTrack.TrackTurn trackTurn(Fields t) {
            Integer turn = t.integer("turn", 1, turns);
            String period = t.text("period");
            String events = t.text("events");
            Map<Side, Map<String, Move>> moves = new EnumMap<>(Side.class);
            t.optionalFields("moves").ifPresent(m -> {
                for (Side side : Side.values()) {
                    m.optionalFields(seat(side)).ifPresent(f -> moves.put(side, moves(f)));
                }
                m.finish();
            });
            List<HistoricalTrack.TrackProposal> proposals = t.optionalList("proposals").stream()
                    .map(values::fields).filter(f -> f != null).map(this::proposal).filter(p -> p != null).toList();
            List<String> injectIds = new ArrayList<>();
            for (YamlNode node : t.optionalList("injects")) {
                String id = values.text(node);
                Inject inject = id != null ? injects.get(id) : null;
                if (id != null && inject == null) {
                    problems.at(node, "unknown inject '" + id + "'; this file defines " + String.join(", ", injects.keySet()));
                } else if (inject != null && turn != null && inject.trigger() instanceof Inject.AtTurn at && at.turn() != turn) {
                    problems.at(node, "inject '" + id + "' is scheduled for turn " + at.turn() + ", not turn " + turn);
                } else if (id != null) {
                    injectIds.add(id);
                }
            }
            String rationale = t.text("rationale");
            t.finish();
            if (turn == null) {
                return null;
            }
            return new HistoricalTrack.TrackTurn(turn, period, events, Collections.unmodifiableMap(moves),
                    proposals, List.copyOf(injectIds), rationale);
        }

        private HistoricalTrack.TrackProposal proposal(Fields p) {
            Side from = p.choice("from", Side.class, "side");
            Fields offeredFields = p.fields("offered");
            Fields requestedFields = p.fields("requested");
            Map<String, Move> offered = offeredFields != null ? moves(offeredFields) : Map.of();
            Map<String, Move> requested = requestedFields != null ? moves(requestedFields) : Map.of();
            p.finish();
            return from != null ? new HistoricalTrack.TrackProposal(from, offered, requested) : null;
        }

        /** A mapping of issue id to move; each issue defined and each move allowed in this scenario. */
        private Map<String, Move> moves(Fields f) {
            Map<String, Move> moves = new LinkedHashMap<>();
            for (var entry : f.entries().entrySet()) {
                String issueId = entry.getKey();
                YamlNode node = entry.getValue();
                Move move = values.choice(node, Move.class, "move");
                if (!issues.containsKey(issueId)) {
                    problems.at(node, unknownIssue(issueId));
                } else if (move != null && !allowed.contains(move)) {
                    problems.at(node, "move " + move + " is not in this scenario's allowedMoves");
                } else if (move != null) {
                    moves.put(issueId, move);
                }
            }
            return Collections.unmodifiableMap(moves);
        }

        /** The shared rulebook with this scenario's overrides, each an existing key within its range. */
        private Rulebook overrides() {
            Optional<Fields> overrides = file.optionalFields("rulebook");
            if (overrides.isEmpty() || rulebook == null) {
                return rulebook;
            }
            Fields o = overrides.get();
            Map<String, Rulebook.Entry> entries = new LinkedHashMap<>(rulebook.entries());
            for (var override : o.entries().entrySet()) {
                String key = override.getKey();
                YamlNode node = override.getValue();
                Rulebook.Entry entry = entries.get(key);
                if (entry == null) {
                    problems.at(node, "unknown rulebook key '" + key + "'; see exercises/rulebook.yaml for the keys");
                    continue;
                }
                Double value = values.number(node, entry.min(), entry.max());
                if (value != null) {
                    entries.put(key, new Rulebook.Entry(key, value, entry.min(), entry.max(), entry.description(), entry.findings()));
                }
            }
            return new Rulebook(rulebook.version(), Collections.unmodifiableMap(entries));
        }

        private String unknownIssue(String issueId) {
            return "issue '" + issueId + "' is not defined in this file's issues (" + String.join(", ", issues.keySet()) + ")";
        }
    }

    static String seat(Side side) {
        return side.name().toLowerCase(Locale.ROOT);
    }

    private static double orZero(Double value) {
        return value != null ? value : 0;
    }
}
