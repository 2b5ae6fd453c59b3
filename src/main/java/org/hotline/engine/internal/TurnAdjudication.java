package org.hotline.engine.internal;

import static org.hotline.engine.internal.Board.other;
import static org.hotline.engine.internal.ScenarioIndex.M;
import static org.hotline.engine.internal.ScenarioIndex.W;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.engine.EffectCause;
import org.hotline.engine.GameState;
import org.hotline.engine.IssueOutcome;
import org.hotline.engine.Order;
import org.hotline.engine.Orders;
import org.hotline.engine.Outcome;
import org.hotline.engine.Proposal;
import org.hotline.engine.Roll;
import org.hotline.engine.RollKind;
import org.hotline.engine.SimulatedTurn;
import org.hotline.engine.TurnInput;
import org.hotline.engine.internal.Board.ContextVar;
import org.hotline.engine.internal.Board.SideVar;
import org.hotline.scenario.AllyStance;
import org.hotline.scenario.IssueStatus;
import org.hotline.scenario.Move;
import org.hotline.scenario.Side;

/**
 * One turn of adjudication: the twelve mechanisms of docs/design.md section 6 applied in a fixed order to
 * a {@link Board}. Nothing here knows which scenario it plays; every number comes from the rulebook.
 */
final class TurnAdjudication {

    // Finding ids behind each kind of effect or roll.
    private static final Tag MISREAD = Tag.of("M1");
    private static final Tag SPOILED = Tag.of("M4");
    private static final Tag INCIDENT = Tag.of("M4", "CS1");
    private static final Tag LINKAGE = Tag.of("B1");
    private static final Tag RENEGED = Tag.of("M3");
    private static final Tag RED_LINE = Tag.of("M3");
    private static final Tag RED_LINE_BROKEN = Tag.of("M3", "K2");
    private static final Tag SIGNAL = Tag.of("M2", "M3", "R4");
    private static final Tag REASSURED = Tag.of("B4", "M2");
    private static final Tag BUILDUP_COST = Tag.of("B2");
    private static final Tag THREATENED = Tag.of("B4", "M1");
    private static final Tag FORCE = Tag.of("B3");
    private static final Tag DRAWDOWN = Tag.of("B2", "B4");
    private static final Tag CONCESSION = Tag.of("K1", "B1");
    private static final Tag SPIRAL = Tag.of("B3", "M1");
    private static final Tag PRESSED = Tag.of("K1", "B3");
    private static final Tag AGREEMENT_ROLL = Tag.of("M1", "F5", "F6", "M2");
    private static final Tag AGREED = Tag.of("B3", "B4", "F2");
    private static final Tag TALKS = Tag.of("M3");
    private static final Tag TALKS_CALM = Tag.of("B3");
    private static final Tag CHAMPION = Tag.of("F4");
    private static final Tag POLICY_MIX = Tag.of("M2", "R4");
    private static final Tag TRENDS = Tag.of("F5");
    private static final Tag TRIANGLE = Tag.of("F6");
    private static final Tag EMBOLDENING = Tag.of("K2", "F3", "M5", "M6");
    private static final Tag RESOLVE = Tag.of("K2", "M3");
    private static final Tag FADING = Tag.of("F3");
    private static final Tag BACKLASH = Tag.of("F4", "CS3");
    private static final Tag STRAIN = Tag.of("F5", "B2");
    private static final Tag CORE = Tag.of("F1", "R2");
    private static final Tag FRUIT_GONE = Tag.of("F1", "R2", "CS4");
    private static final Tag CORE_TALKS = Tag.of("R1");
    private static final Tag LAPSE = Tag.of("F2");
    private static final Tag REASSURANCE = Tag.of("B4", "F2");
    private static final Tag UNADDRESSED = Tag.of("F1", "R1");
    private static final Tag TERMS = Tag.of("K1", "B1", "R1");
    private static final Tag ALLIES = Tag.of("R4");
    private static final Tag ALLIES_BURDEN = Tag.of("R4", "B2");
    private static final Tag BENEFIT = Tag.of("B2");

    private final ScenarioIndex index;
    private final Rules rules;
    private final Board board;
    private final Dice dice;
    private final TurnInput input;
    private final int issueCount;
    private final Move[][] move;
    /** Each side's move as the other side read it (M1). */
    private final Move[][] read;
    /** Share of each less-hardline move actually implemented (M4). */
    private final double[][] share;
    private final int[][] rating;
    private final boolean[] linked;
    private final boolean[] agreedNow;
    private final long[] tags;
    private final IssueStatus[] statusBefore;
    /** Weighted share of the other side's hardline moves on the other issues, as each side reads it (M2). */
    private final double[][] hardElsewhere;
    private final int[] hardlineCount = new int[2];
    private double strongerConcession;

    private TurnAdjudication(ScenarioIndex index, Board board, TurnInput input, long seed, List<Roll> rolls) {
        this.index = index;
        this.rules = index.rules;
        this.board = board;
        this.input = input;
        this.issueCount = index.issueCount;
        this.dice = new Dice(seed, board.turn, rolls);
        move = new Move[2][issueCount];
        read = new Move[2][issueCount];
        share = new double[2][issueCount];
        rating = new int[2][issueCount];
        linked = new boolean[issueCount];
        agreedNow = new boolean[issueCount];
        tags = new long[issueCount];
        statusBefore = board.status.clone();
        hardElsewhere = new double[2][issueCount];
    }

    static Outcome adjudicate(ScenarioIndex index, GameState state, TurnInput input, long seed) {
        List<org.hotline.engine.Effect> effects = new ArrayList<>(128);
        List<Roll> rolls = new ArrayList<>(64);
        TurnAdjudication turn = played(index, state, input, seed, effects, rolls);
        GameState after = turn.board.toState();
        return new Outcome(turn.board.turn, state, after, turn.issueOutcomes(), effects, rolls, Scoring.score(index, after));
    }

    /** The same turn with no record kept (null lists: Board and Dice then record nothing). */
    static SimulatedTurn simulate(ScenarioIndex index, GameState state, TurnInput input, long seed) {
        TurnAdjudication turn = played(index, state, input, seed, null, null);
        return new SimulatedTurn(turn.board.turn, turn.board.toState(), turn.issueOutcomes());
    }

    private static TurnAdjudication played(ScenarioIndex index, GameState state, TurnInput input, long seed,
            List<org.hotline.engine.Effect> effects, List<Roll> rolls) {
        Board board = new Board(index, state, effects);
        board.turn = state.turn() + 1;
        TurnAdjudication turn = new TurnAdjudication(index, board, input, seed, rolls);
        turn.run();
        return turn;
    }

    private void run() {
        readOrders();
        misperception();
        partialImplementation();
        linkage();
        redLines();
        policyMix();
        for (int i = 0; i < issueCount; i++) {
            issueMatrix(i);
        }
        resolve();
        constituencies();
        reassurance();
        allies();
        benefits();
        trends();
        corePressure();
        durableGains();
        proxyIncident();
        Escalation.run(index, board, dice, move, read, tags);
    }

    private void readOrders() {
        for (int s = 0; s < 2; s++) {
            Side side = ScenarioIndex.side(s);
            Orders orders = input.of(side);
            Map<String, Integer> ratings = input.argumentRatings() == null ? null : input.argumentRatings().get(side);
            for (int i = 0; i < issueCount; i++) {
                Move m = orders.on(index.ids[i]).move();
                move[s][i] = m;
                read[s][i] = m;
                share[s][i] = 1;
                hardlineCount[s] += m.hardline() ? 1 : 0;
                if (ratings != null) {
                    Integer value = ratings.get(index.ids[i]);
                    rating[s][i] = value == null ? 0 : value;
                }
            }
        }
    }

    // --- 10. Misperception (M1): a move may be read as harsher than it was, likelier under mistrust.
    private void misperception() {
        if (rules.misperceptionChance <= 0) {
            return;
        }
        for (int s = 0; s < 2; s++) {
            double mistrust = Math.max(0, (50 - board.get(other(s), SideVar.TRUST)) / 50);
            double odds = Math.min(1, rules.misperceptionChance * (1 + rules.misperceptionMistrust * mistrust));
            for (int i = 0; i < issueCount; i++) {
                Move harsher = harsher(move[s][i]);
                if (harsher != move[s][i] && dice.roll(RollKind.misperceptionOf(ScenarioIndex.side(s)), index.ids[i], odds, MISREAD.ids())) {
                    read[s][i] = harsher;
                    tags[i] |= MISREAD.mask();
                }
            }
        }
    }

    /** How a move looks to a suspicious reader: outreach as posturing, posture as pressure. */
    static Move harsher(Move move) {
        return switch (move) {
            case NEGOTIATE, CONCEDE, ALLY_OUTREACH, DRAWDOWN, ACQUIESCE -> Move.HOLD;
            case HOLD -> Move.PRESS;
            case PRESS -> Move.BUILDUP;
            case BUILDUP, FORCE -> move;
        };
    }

    // --- 8. Spoilers (M4), part one: a less-hardline move may be implemented only in part.
    private void partialImplementation() {
        double odds = rules.spoilerPartial * board.get(ContextVar.SPOILER) / 100;
        if (odds <= 0) {
            return;
        }
        for (int s = 0; s < 2; s++) {
            for (int i = 0; i < issueCount; i++) {
                if (move[s][i].lessHardline() && dice.roll(RollKind.spoilersOf(ScenarioIndex.side(s)), index.ids[i], odds, SPOILED.ids())) {
                    share[s][i] = rules.spoilerPartialShare;
                    tags[i] |= SPOILED.mask();
                }
            }
        }
    }

    // --- Linkage: an accepted proposal honoured by both sides' orders opens its issues to agreement.
    private void linkage() {
        if (input.accepted() == null) {
            return;
        }
        for (Proposal proposal : input.accepted()) {
            int from = ScenarioIndex.of(proposal.from());
            boolean fromHonours = honours(proposal.offered(), from);
            boolean toHonours = honours(proposal.requested(), other(from));
            if (fromHonours && toHonours) {
                markLinked(proposal.offered());
                markLinked(proposal.requested());
            } else {
                // The side that broke its word loses the other's trust (claims become suspect, M3).
                if (!fromHonours) {
                    board.side(other(from), SideVar.TRUST, -rules.proposalReneged, EffectCause.PROPOSAL_RENEGED, RENEGED.ids(), -1);
                }
                if (!toHonours) {
                    board.side(from, SideVar.TRUST, -rules.proposalReneged, EffectCause.PROPOSAL_RENEGED, RENEGED.ids(), -1);
                }
            }
        }
    }

    private boolean honours(Map<String, Move> terms, int s) {
        for (Map.Entry<String, Move> term : terms.entrySet()) {
            if (move[s][index.indexOf(term.getKey())] != term.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void markLinked(Map<String, Move> terms) {
        for (String issueId : terms.keySet()) {
            int i = index.indexOf(issueId);
            linked[i] = true;
            tags[i] |= LINKAGE.mask();
        }
    }

    // --- 9. Credibility of claims (M3): red lines tie hands; keeping one shows resolve, breaking it costs more.
    private void redLines() {
        for (int s = 0; s < 2; s++) {
            int bit = Board.red(s);
            Orders orders = input.of(ScenarioIndex.side(s));
            for (int i = 0; i < issueCount; i++) {
                Order order = orders.byIssue().get(index.ids[i]);
                boolean declared = (board.redLines[i] & bit) != 0;
                if (order != null && order.redLine() && !declared) {
                    board.redLines[i] |= bit;
                    board.tension(rules.redlineDeclare, EffectCause.RED_LINE_DECLARED, RED_LINE.ids(), i);
                    tags[i] |= RED_LINE.mask();
                    declared = true;
                }
                if (!declared) {
                    continue;
                }
                if (move[s][i].yields()) {
                    board.redLines[i] &= ~bit;
                    board.side(s, SideVar.SUPPORT, -rules.redlineAudienceCost, EffectCause.RED_LINE_BROKEN_AUDIENCE_COST, RED_LINE_BROKEN.ids(), i);
                    if (s == W) {
                        board.side(M, SideVar.RESOLVE, -rules.redlineBreak, EffectCause.RED_LINE_BROKEN_RESOLVE_DOUBTED, RED_LINE_BROKEN.ids(), i);
                    }
                    tags[i] |= RED_LINE_BROKEN.mask();
                } else if (move[other(s)][i].hardline()) {
                    board.side(s, SideVar.SUPPORT, rules.redlineSupportGain, EffectCause.RED_LINE_KEPT, RED_LINE.ids(), i);
                    if (s == W) {
                        // Allies behind a red line make it credible; a frayed alliance weakens it (R4).
                        board.side(M, SideVar.RESOLVE, rules.redlineKeep * board.get(W, SideVar.COHESION) / 100, EffectCause.RED_LINE_KEPT,
                                RED_LINE.ids(), i);
                    }
                    tags[i] |= RED_LINE.mask();
                }
            }
        }
    }

    // --- 2. Policy mix (M2, R4) and 9 (M3): each side reads the other's sincerity from all of its moves,
    // weighting its own core issues most; costly moves count more than cheap talk.
    private void policyMix() {
        for (int reader = 0; reader < 2; reader++) {
            int o = other(reader);
            double weightSum = 0;
            double signalSum = 0;
            double hardSum = 0;
            double[] weight = new double[issueCount];
            double[] hard = new double[issueCount];
            for (int i = 0; i < issueCount; i++) {
                double w = index.salience[reader][i] * (index.coreFor[reader][i] ? rules.policyMixCoreWeight : 1);
                weight[i] = w;
                Move seen = read[o][i];
                double signal = signal(seen) * (seen.lessHardline() ? share[o][i] : 1);
                hard[i] = seen.hardline() ? w : 0;
                weightSum += w;
                signalSum += w * signal;
                hardSum += hard[i];
            }
            if (weightSum <= 0) {
                continue;
            }
            double sincerity = signalSum / weightSum;
            board.side(reader, SideVar.TRUST, rules.trustRate * sincerity, EffectCause.READING_OF_MOVES, SIGNAL.ids(), -1);
            board.side(reader, SideVar.THREAT, -rules.threatRate * sincerity, EffectCause.READING_OF_MOVES, REASSURED.ids(), -1);
            for (int i = 0; i < issueCount; i++) {
                double rest = weightSum - weight[i];
                hardElsewhere[reader][i] = rest > 0 ? (hardSum - hard[i]) / rest : 0;
            }
        }
    }

    private double signal(Move move) {
        return switch (move) {
            case CONCEDE, DRAWDOWN -> rules.signalCostly;
            case NEGOTIATE, ALLY_OUTREACH, ACQUIESCE -> rules.signalCheap;
            case HOLD -> 0;
            case PRESS, BUILDUP -> -rules.signalHardline;
            case FORCE -> -rules.signalForce;
        };
    }

    // --- 1. Issue matrix: both sides' moves on one issue.
    private void issueMatrix(int i) {
        for (int s = 0; s < 2; s++) {
            ownMoveEffects(s, i);
        }
        Move w = move[W][i];
        Move m = move[M][i];
        if (w.hardline() && m.hardline()) {
            spiral(i);
        } else if (w.hardline() || m.hardline()) {
            press(w.hardline() ? W : M, i);
        } else if (w.lessHardline() && m.lessHardline()) {
            talks(i);
        }
    }

    private void ownMoveEffects(int s, int i) {
        int o = other(s);
        Move mv = move[s][i];
        if (mv == Move.BUILDUP || mv == Move.FORCE) {
            board.side(s, s == W ? SideVar.BURDEN : SideVar.STRAIN, s == W ? rules.buildupBurden : rules.buildupStrain,
                    mv == Move.FORCE ? EffectCause.OWN_FORCE : EffectCause.OWN_BUILDUP, BUILDUP_COST.ids(), i);
            board.side(o, SideVar.THREAT, rules.buildupThreat * index.salience[o][i], EffectCause.OTHER_SIDE_BUILDUP, THREATENED.ids(), i);
            tags[i] |= BUILDUP_COST.mask() | THREATENED.mask();
        }
        if (mv == Move.FORCE) {
            board.tension(rules.forceTension * index.salience[o][i], EffectCause.USE_OF_FORCE, FORCE.ids(), i);
            board.side(o, SideVar.THREAT, rules.forceThreat, EffectCause.FORCE_AGAINST_IT, FORCE.ids(), i);
            tags[i] |= FORCE.mask();
        }
        if (mv == Move.DRAWDOWN) {
            board.side(s, s == W ? SideVar.BURDEN : SideVar.STRAIN, -rules.drawdownBurden * share[s][i],
                    EffectCause.OWN_DRAWDOWN, DRAWDOWN.ids(), i);
            board.side(o, SideVar.THREAT, -rules.drawdownThreat * index.salience[o][i] * share[s][i], EffectCause.OTHER_SIDE_DRAWDOWN,
                    DRAWDOWN.ids(), i);
            tags[i] |= DRAWDOWN.mask();
        }
        double weight = concessionWeight(mv, move[o][i]) * share[s][i];
        if (weight > 0) {
            double given = rules.concessionBalance * weight * (1 - rules.argumentEffect * rating[s][i]);
            board.balance(i, s == W ? -given : given, EffectCause.CONCESSION, CONCESSION.ids());
            tags[i] |= CONCESSION.mask();
            if (s == W && !move[o][i].lessHardline()) {
                // What was conceded, graded by where (K2, M6): core concessions weigh more, steps through allies less.
                strongerConcession += weight * index.salience[M][i] * (index.coreFor[M][i] ? rules.emboldeningCoreWeight : 1)
                        * (mv == Move.ALLY_OUTREACH ? rules.alliesEmboldening : 1);
            }
        }
    }

    private double concessionWeight(Move mv, Move answer) {
        return switch (mv) {
            case CONCEDE -> rules.weightConcede;
            case ACQUIESCE -> rules.weightAcquiesce;
            case DRAWDOWN -> rules.weightDrawdown;
            case NEGOTIATE -> answer.hardline() ? rules.weightNegotiate : 0;
            case ALLY_OUTREACH -> answer.hardline() ? rules.weightAllyOutreach : 0;
            default -> 0;
        };
    }

    private void spiral(int i) {
        board.tension(rules.spiralTension * index.meanSalience[i], EffectCause.SPIRAL, SPIRAL.ids(), i);
        for (int s = 0; s < 2; s++) {
            board.side(s, SideVar.THREAT, rules.spiralThreat * index.salience[s][i], EffectCause.SPIRAL, SPIRAL.ids(), i);
            board.side(s, SideVar.TRUST, -rules.spiralTrust, EffectCause.SPIRAL, SPIRAL.ids(), i);
        }
        board.side(M, SideVar.STRAIN, rules.buildupStrain * index.meanSalience[i], EffectCause.SPIRAL, BUILDUP_COST.ids(), i);
        endTalks(i, SPIRAL);
        tags[i] |= SPIRAL.mask();
    }

    private void press(int p, int i) {
        double gained = rules.pressBalance * (1 + rules.argumentEffect * rating[p][i]);
        board.balance(i, p == W ? gained : -gained, EffectCause.ADVANTAGE_PRESSED, PRESSED.ids());
        double yielded = move[other(p)][i].lessHardline() ? rules.pressYielded : 1;
        board.tension(rules.pressTension * index.meanSalience[i] * yielded, EffectCause.ADVANTAGE_PRESSED, PRESSED.ids(), i);
        endTalks(i, PRESSED);
        tags[i] |= PRESSED.mask();
    }

    private void endTalks(int i, Tag why) {
        if (board.status[i] == IssueStatus.NEGOTIATING) {
            board.status(i, IssueStatus.CONTESTED, EffectCause.TALKS_BROKEN_OFF, why.ids());
        }
    }

    private void talks(int i) {
        boolean cheap = index.core[i] && !board.agreementInForce(i) && coreUnaddressed(i);
        board.tension(-rules.talksTension * index.meanSalience[i] * (cheap ? rules.talksCoreShare : 1), EffectCause.BOTH_REACH_OUT,
                TALKS_CALM.ids(), i);
        if (board.agreementInForce(i)) {
            for (int s = 0; s < 2; s++) {
                board.side(s, SideVar.TRUST, rules.talksTrust, EffectCause.AGREEMENT_REAFFIRMED, TALKS.ids(), i);
            }
        } else if (read[W][i].lessHardline() && read[M][i].lessHardline()) {
            agreementRoll(i);
        } else {
            // Both reached out, but one side read the other's step as posturing (M1).
            board.status(i, IssueStatus.NEGOTIATING, EffectCause.TALKS_STALLED_BY_MISREADING, MISREAD.ids());
        }
    }

    private void agreementRoll(int i) {
        double trust = (board.get(W, SideVar.TRUST) + board.get(M, SideVar.TRUST)) / 2;
        double china = board.get(ContextVar.CHINA) / 100;
        double emboldened = Escalation.emboldenment(index, board);
        boolean unaddressed = coreUnaddressed(i);
        double cohesion = board.get(W, SideVar.COHESION);
        double fraying = Math.max(0, rules.alliesPivot - cohesion) / Math.max(1, rules.alliesPivot);
        boolean stake = index.allies[i].stake();
        double damped = 1 - rules.trendsDamping;
        double logit = rules.agreementBase
                + rules.agreementTrust * (trust - 50) / 50
                - rules.agreementThreat * (board.get(M, SideVar.THREAT) - 50) / 50
                + rules.agreementTrends * damped * (board.get(ContextVar.TRENDS) - 50) / 50
                - rules.agreementTriangle * china
                + rules.agreementStrain * damped * board.get(M, SideVar.STRAIN) / 100
                + (linked[i] ? rules.agreementProposal : 0)
                - rules.agreementPolicyMix * (hardElsewhere[W][i] + hardElsewhere[M][i])
                + rules.agreementCostly * ((move[W][i].costly() ? 1 : 0) + (move[M][i].costly() ? 1 : 0))
                + (index.shared[i] ? rules.agreementShared : 0)
                - (index.coreFor[M][i] ? rules.agreementCore : 0)
                - (unaddressed ? rules.termsUnaddressed : 0)
                + (statusBefore[i] == IssueStatus.NEGOTIATING ? rules.agreementTalks : 0)
                - rules.agreementResolve * emboldened
                + (stake && move[W][i] == Move.ALLY_OUTREACH ? rules.alliesOutreachOdds * cohesion / 100 : 0)
                - (stake ? rules.alliesSplit * fraying : 0)
                + rules.agreementChampion * ((board.champion[W] ? 1 : 0) + (board.champion[M] ? 1 : 0))
                - rules.agreementSpoiled * ((share[W][i] < 1 ? 1 : 0) + (share[M][i] < 1 ? 1 : 0))
                + rules.argumentOdds * (rating[W][i] + rating[M][i]);
        double odds = Board.clamp(1 / (1 + Math.exp(-logit)), rules.agreementMin, rules.agreementMax);
        long tag = AGREEMENT_ROLL.mask() | (unaddressed ? UNADDRESSED.mask() : 0) | (stake ? ALLIES.mask() : 0);
        if (china > 0) {
            tag |= TRIANGLE.mask();
        }
        if (hardElsewhere[W][i] + hardElsewhere[M][i] > 0) {
            tag |= POLICY_MIX.mask();
        }
        tags[i] |= tag;
        if (dice.roll(RollKind.AGREEMENT, index.ids[i], odds, AGREEMENT_ROLL.ids())) {
            conclude(i, emboldened);
        } else {
            board.status(i, IssueStatus.NEGOTIATING, EffectCause.TALKS_WITHOUT_AGREEMENT, TALKS.ids());
            for (int s = 0; s < 2; s++) {
                board.side(s, SideVar.TRUST, rules.talksTrust, EffectCause.TALKS_CONTINUE, TALKS.ids(), i);
            }
        }
    }

    /**
     * 1. Terms (K1, R1): on an issue core to a side, that side's concern counts as addressed only when
     * the other side pays for it this turn (a concession, drawdown or acquiescence there, outreach
     * through allies who favour talks, or an honoured linkage naming the issue).
     */
    private boolean coreUnaddressed(int i) {
        for (int s = 0; s < 2; s++) {
            if (index.coreFor[s][i] && !addressedBy(other(s), i)) {
                return true;
            }
        }
        return false;
    }

    private boolean addressedBy(int payer, int i) {
        Move paid = move[payer][i];
        return paid.yields() || linked[i]
                || (paid == Move.ALLY_OUTREACH && index.allies[i] == AllyStance.FAVOUR_TALKS
                        && board.get(W, SideVar.COHESION) >= rules.alliesPivot);
    }

    /** The agreement's terms fix the balance: toward the side the issue is core to, and toward an emboldened rival. */
    private void conclude(int i, double emboldened) {
        agreedNow[i] = true;
        double shift = 0;
        for (int s = 0; s < 2; s++) {
            if (index.coreFor[s][i]) {
                double toward = rules.termsShift * index.salience[s][i];
                shift += s == W ? toward : -toward;
            }
        }
        shift -= rules.termsEmboldened * emboldened;
        board.balance(i, shift, EffectCause.TERMS_OF_AGREEMENT, TERMS.ids());
        board.conclude(i, EffectCause.AGREEMENT_CONCLUDED, AGREED.ids());
        double relief = index.core[i] ? rules.termsCoreRelief : 1;
        board.tension(-rules.agreementTensionRelief * index.meanSalience[i], EffectCause.AGREEMENT_CONCLUDED, AGREED.ids(), i);
        for (int s = 0; s < 2; s++) {
            board.side(s, SideVar.TRUST, rules.agreementTrustGain, EffectCause.AGREEMENT_CONCLUDED, AGREED.ids(), i);
            board.side(s, SideVar.THREAT, -rules.agreementThreatRelief * index.salience[s][i] * relief, EffectCause.AGREEMENT_CONCLUDED,
                    AGREED.ids(), i);
            // 6. Constituencies (F4): a visible success makes champions and wins support at home.
            board.champion(s, true, EffectCause.CHAMPION_MADE, CHAMPION.ids(), i);
            board.side(s, SideVar.SUPPORT, rules.constituencySuccess, EffectCause.VISIBLE_SUCCESS, CHAMPION.ids(), i);
        }
        tags[i] |= AGREED.mask() | CHAMPION.mask() | (shift != 0 ? TERMS.mask() : 0);
    }

    // --- 5. Emboldening (K2, F3, M5, M6, R6): concessions the rival does not reciprocate may be read as
    // weakness (a seeded roll whose odds grow with what was conceded); the erosion is graded by how much,
    // and never more than the configured sensitivity in a turn.
    private void resolve() {
        double resolve = board.get(M, SideVar.RESOLVE);
        board.side(M, SideVar.RESOLVE, rules.resolveReversion * (index.startResolve - resolve), EffectCause.RESOLVE_FADES,
                FADING.ids(), -1);
        double shown = 0;
        for (int i = 0; i < issueCount; i++) {
            shown += move[W][i].hardline() ? rules.resolveHardline * index.salience[M][i] : 0;
        }
        board.side(M, SideVar.RESOLVE, shown, EffectCause.RESOLVE_SHOWN, RESOLVE.ids(), -1);
        if (strongerConcession <= 0) {
            return;
        }
        for (int i = 0; i < issueCount; i++) {
            if (concessionWeight(move[W][i], move[M][i]) > 0 && !move[M][i].lessHardline()) {
                tags[i] |= EMBOLDENING.mask();
            }
        }
        double odds = 1 - Math.exp(-rules.emboldeningChance * strongerConcession);
        if (dice.roll(RollKind.EMBOLDENING, null, odds, EMBOLDENING.ids())) {
            board.side(M, SideVar.RESOLVE, -emboldening(index, board, strongerConcession), EffectCause.EMBOLDENING,
                    EMBOLDENING.ids(), -1);
        }
    }

    /** The erosion a turn's unreciprocated concessions cause when read as weakness: at most the sensitivity. */
    static double emboldening(ScenarioIndex index, Board board, double conceded) {
        Rules rules = index.rules;
        double power = Math.min(1, rules.emboldeningPowerPivot / board.get(ContextVar.POWER));
        double ambition = rules.emboldeningRevisionismFloor
                + (1 - rules.emboldeningRevisionismFloor) * board.get(ContextVar.REVISIONISM) / 100;
        return rules.emboldeningSensitivity * (1 - Math.exp(-conceded / rules.emboldeningScale)) * power * ambition;
    }

    // --- 6. Constituencies and backlash (F4): champions build support while agreements hold; reaching
    // out while the rival keeps competing elsewhere drains support, the more so for real concessions.
    private void constituencies() {
        boolean anyInForce = board.agreementsInForce() > 0;
        for (int s = 0; s < 2; s++) {
            if (board.champion[s] && anyInForce) {
                board.side(s, SideVar.SUPPORT, rules.constituencyChampion, EffectCause.CONSTITUENCY, CHAMPION.ids(), -1);
            }
            int o = other(s);
            boolean reaching = false;
            double conceded = 0;
            double competing = 0;
            for (int i = 0; i < issueCount; i++) {
                reaching |= move[s][i].lessHardline();
                conceded += move[s][i].yields() ? concessionWeight(move[s][i], move[o][i]) : 0;
                competing += move[o][i].hardline() && !move[s][i].lessHardline() ? index.salience[s][i] : 0;
            }
            if (reaching && competing > 0) {
                double coefficient = s == W ? rules.backlashStronger : rules.backlashWeaker;
                double loss = Math.min(rules.backlashMax, coefficient * competing * (1 + conceded));
                board.side(s, SideVar.SUPPORT, -loss, EffectCause.BACKLASH, BACKLASH.ids(), -1);
            }
        }
    }

    // --- 4. Durable gains (F2, B4), continued: agreements in force keep reassuring both sides.
    private void reassurance() {
        for (int s = 0; s < 2; s++) {
            double settled = 0;
            for (int i = 0; i < issueCount; i++) {
                settled += board.agreementInForce(i) ? index.salience[s][i] : 0;
            }
            board.side(s, SideVar.THREAT, -rules.agreementReassurance * settled, EffectCause.AGREEMENTS_REASSURE, REASSURANCE.ids(), -1);
        }
    }

    // --- 13. Allies (R4): pushing allies against their preference costs cohesion, working through willing
    // allies builds it; a frayed alliance leaves the stronger side carrying more of the burden.
    private void allies() {
        for (int i = 0; i < issueCount; i++) {
            AllyStance stance = index.allies[i];
            Move mv = move[W][i];
            boolean against = stance == AllyStance.FAVOUR_PRESSURE && (mv == Move.ALLY_OUTREACH || mv.yields())
                    || stance == AllyStance.FAVOUR_TALKS && mv.hardline();
            if (against) {
                board.side(W, SideVar.COHESION, -rules.alliesAgainstPreference, EffectCause.ALLIES_AGAINST_PREFERENCE, ALLIES.ids(), i);
                tags[i] |= ALLIES.mask();
            } else if (stance == AllyStance.FAVOUR_TALKS && mv == Move.ALLY_OUTREACH) {
                board.side(W, SideVar.COHESION, rules.alliesAligned, EffectCause.ALLIES_ALIGNED, ALLIES.ids(), i);
                tags[i] |= ALLIES.mask();
            }
        }
        double cohesion = board.get(W, SideVar.COHESION);
        if (cohesion < rules.alliesPivot) {
            board.side(W, SideVar.BURDEN, rules.alliesBurden * (rules.alliesPivot - cohesion) / rules.alliesPivot,
                    EffectCause.ALLIES_FRAY, ALLIES_BURDEN.ids(), -1);
        }
    }

    // --- 3. Real benefits (B2): each agreement in force lowers the costs its issue carries.
    private void benefits() {
        for (int i = 0; i < issueCount; i++) {
            if (!board.agreementInForce(i)) {
                continue;
            }
            if (index.lowersBurden[i]) {
                board.side(W, SideVar.BURDEN, -rules.benefitBurden * index.salience[W][i], EffectCause.AGREEMENT_LOWERS_COSTS,
                        BENEFIT.ids(), i);
            }
            if (index.lowersStrain[i]) {
                board.side(M, SideVar.STRAIN, -rules.benefitStrain * index.salience[M][i], EffectCause.AGREEMENT_LOWERS_COSTS,
                        BENEFIT.ids(), i);
            }
        }
    }

    // --- 7. Trends (F5): trends against the weaker side raise its strain, and with it its readiness to settle.
    private void trends() {
        board.side(M, SideVar.STRAIN, rules.trendsStrain * board.get(ContextVar.TRENDS) / 100, EffectCause.TRENDS, STRAIN.ids(), -1);
    }

    // --- 3. Unresolved core pressure (F1, R2): core issues left open push tension up, more so once the
    // shared-interest issues are settled.
    private void corePressure() {
        int settled = 0;
        for (int i = 0; i < issueCount; i++) {
            settled += index.shared[i] && board.agreementInForce(i) ? 1 : 0;
        }
        double fruitGone = index.sharedCount == 0 ? 0 : (double) settled / index.sharedCount;
        Tag tag = fruitGone > 0 ? FRUIT_GONE : CORE;
        for (int i = 0; i < issueCount; i++) {
            if (!index.core[i]) {
                continue;
            }
            if (board.agreementInForce(i)) {
                board.unresolved[i] = 0;
                continue;
            }
            board.unresolved[i]++;
            boolean bothTalk = move[W][i].lessHardline() && move[M][i].lessHardline();
            double relief = bothTalk ? 1 - rules.coreTalksRelief : 1;
            double holder = 0;
            for (int s = 0; s < 2; s++) {
                if (index.coreFor[s][i]) {
                    // The concern presses in proportion to how far the balance stands from the side it is core to (K1, B3).
                    double distance = (s == W ? 100 - board.balance[i] : board.balance[i]) / 50;
                    holder = Math.max(holder, index.salience[s][i] * distance);
                    board.side(s, SideVar.THREAT, rules.coreThreat * index.salience[s][i] * relief, EffectCause.CORE_UNRESOLVED, CORE.ids(), i);
                }
            }
            board.tension(rules.corePressure * holder * (1 + rules.coreFruitGone * fruitGone) * relief, EffectCause.CORE_UNRESOLVED,
                    tag.ids(), i);
            tags[i] |= tag.mask() | (bothTalk ? CORE_TALKS.mask() : 0);
        }
    }

    // --- 4. Durable gains (F2): agreements lapse only with a small, capped hazard; institutions lower it.
    private void durableGains() {
        for (int i = 0; i < issueCount; i++) {
            if (!board.agreementInForce(i) || agreedNow[i]) {
                continue;
            }
            int hard = (move[W][i].hardline() ? 1 : 0) + (move[M][i].hardline() ? 1 : 0);
            double hazard = Math.min(rules.lapseCap, rules.lapseBase + rules.lapseTension * board.tension / 100 + rules.lapseHardline * hard)
                    * (index.institutional[i] ? rules.lapseInstitutional : 1);
            if (dice.roll(RollKind.AGREEMENT_LAPSE, index.ids[i], hazard, LAPSE.ids())) {
                board.lapse(i, EffectCause.AGREEMENT_LAPSED, LAPSE.ids());
                board.tension(rules.lapseTensionRise, EffectCause.AGREEMENT_LAPSED, LAPSE.ids(), i);
                for (int s = 0; s < 2; s++) {
                    board.side(s, SideVar.TRUST, -rules.lapseTrustLoss, EffectCause.AGREEMENT_LAPSED, LAPSE.ids(), i);
                }
            }
            tags[i] |= LAPSE.mask();
        }
    }

    // --- 8. Spoilers (M4), part two: a proxy incident may flare an issue.
    private void proxyIncident() {
        double odds = rules.spoilerIncident * board.get(ContextVar.SPOILER) / 100;
        if (odds <= 0 || !dice.roll(RollKind.PROXY_INCIDENT, null, odds, INCIDENT.ids())) {
            return;
        }
        int i = dice.choose(RollKind.PROXY_INCIDENT_ISSUE, issueCount, index.ids, INCIDENT.ids());
        board.tension(rules.spoilerIncidentTension, EffectCause.PROXY_INCIDENT, INCIDENT.ids(), i);
        for (int s = 0; s < 2; s++) {
            board.side(s, SideVar.TRUST, -rules.spoilerIncidentTrust, EffectCause.PROXY_INCIDENT, INCIDENT.ids(), i);
        }
        endTalks(i, INCIDENT);
        tags[i] |= INCIDENT.mask();
    }

    private List<IssueOutcome> issueOutcomes() {
        List<IssueOutcome> outcomes = new ArrayList<>(issueCount);
        for (int i = 0; i < issueCount; i++) {
            outcomes.add(new IssueOutcome(index.ids[i], move[W][i], move[M][i], read[W][i], read[M][i], statusBefore[i],
                    board.status[i], Tag.ids(tags[i])));
        }
        return outcomes;
    }
}
