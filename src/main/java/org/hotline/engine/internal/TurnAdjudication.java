package org.hotline.engine.internal;

import static org.hotline.engine.internal.Board.other;
import static org.hotline.engine.internal.ScenarioIndex.M;
import static org.hotline.engine.internal.ScenarioIndex.W;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.engine.GameState;
import org.hotline.engine.IssueOutcome;
import org.hotline.engine.Order;
import org.hotline.engine.Orders;
import org.hotline.engine.Outcome;
import org.hotline.engine.Proposal;
import org.hotline.engine.Roll;
import org.hotline.engine.TurnInput;
import org.hotline.engine.internal.Board.ContextVar;
import org.hotline.engine.internal.Board.SideVar;
import org.hotline.scenario.IssueStatus;
import org.hotline.scenario.Move;
import org.hotline.scenario.Side;

/**
 * One turn of adjudication: the twelve mechanisms of DESIGN.md section 6 applied in a fixed order to
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
    private static final Tag CRISIS = Tag.of("B3");
    private static final Tag REASSURANCE = Tag.of("B4", "F2");

    private static final String[] MISPERCEPTION = {"misperception: Washington's move read as harsher",
            "misperception: Moscow's move read as harsher"};
    private static final String[] PARTIAL = {"spoilers: Washington's move implemented only in part",
            "spoilers: Moscow's move implemented only in part"};

    private final ScenarioIndex x;
    private final Rules r;
    private final Board b;
    private final Dice dice;
    private final TurnInput input;
    private final int n;
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

    private TurnAdjudication(ScenarioIndex x, Board b, TurnInput input, long seed, List<Roll> rolls) {
        this.x = x;
        this.r = x.rules;
        this.b = b;
        this.input = input;
        this.n = x.n;
        this.dice = new Dice(seed, b.turn, rolls);
        move = new Move[2][n];
        read = new Move[2][n];
        share = new double[2][n];
        rating = new int[2][n];
        linked = new boolean[n];
        agreedNow = new boolean[n];
        tags = new long[n];
        statusBefore = b.status.clone();
        hardElsewhere = new double[2][n];
    }

    static Outcome adjudicate(ScenarioIndex x, GameState state, TurnInput input, long seed) {
        List<org.hotline.engine.Effect> effects = new ArrayList<>(80);
        List<Roll> rolls = new ArrayList<>(40);
        Board b = new Board(x, state, effects);
        b.turn = state.turn() + 1;
        TurnAdjudication turn = new TurnAdjudication(x, b, input, seed, rolls);
        turn.run();
        GameState after = b.toState();
        return new Outcome(b.turn, state, after, turn.issueOutcomes(), effects, rolls, Scoring.score(x, after));
    }

    private void run() {
        readOrders();
        misperception();
        partialImplementation();
        linkage();
        redLines();
        policyMix();
        for (int i = 0; i < n; i++) {
            issueMatrix(i);
        }
        resolve();
        constituencies();
        reassurance();
        trends();
        corePressure();
        durableGains();
        proxyIncident();
        escalation();
    }

    private void readOrders() {
        for (int s = 0; s < 2; s++) {
            Side side = ScenarioIndex.side(s);
            Orders orders = input.of(side);
            Map<String, Integer> ratings = input.argumentRatings() == null ? null : input.argumentRatings().get(side);
            for (int i = 0; i < n; i++) {
                Move m = orders.on(x.ids[i]).move();
                move[s][i] = m;
                read[s][i] = m;
                share[s][i] = 1;
                hardlineCount[s] += m.hardline() ? 1 : 0;
                if (ratings != null) {
                    Integer value = ratings.get(x.ids[i]);
                    rating[s][i] = value == null ? 0 : value;
                }
            }
        }
    }

    // --- 10. Misperception (M1): a move may be read as harsher than it was, likelier under mistrust.
    private void misperception() {
        if (r.misperceptionChance <= 0) {
            return;
        }
        for (int s = 0; s < 2; s++) {
            double mistrust = Math.max(0, (50 - b.get(other(s), SideVar.TRUST)) / 50);
            double odds = Math.min(1, r.misperceptionChance * (1 + r.misperceptionMistrust * mistrust));
            for (int i = 0; i < n; i++) {
                Move harsher = harsher(move[s][i]);
                if (harsher != move[s][i] && dice.roll(MISPERCEPTION[s], x.ids[i], odds, MISREAD.ids())) {
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
        double odds = r.spoilerPartial * b.get(ContextVar.SPOILER) / 100;
        if (odds <= 0) {
            return;
        }
        for (int s = 0; s < 2; s++) {
            for (int i = 0; i < n; i++) {
                if (move[s][i].lessHardline() && dice.roll(PARTIAL[s], x.ids[i], odds, SPOILED.ids())) {
                    share[s][i] = r.spoilerPartialShare;
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
                    b.side(other(from), SideVar.TRUST, -r.proposalReneged, "accepted proposal not honoured", RENEGED.ids(), -1);
                }
                if (!toHonours) {
                    b.side(from, SideVar.TRUST, -r.proposalReneged, "accepted proposal not honoured", RENEGED.ids(), -1);
                }
            }
        }
    }

    private boolean honours(Map<String, Move> terms, int s) {
        for (Map.Entry<String, Move> term : terms.entrySet()) {
            if (move[s][x.indexOf(term.getKey())] != term.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void markLinked(Map<String, Move> terms) {
        for (String issueId : terms.keySet()) {
            int i = x.indexOf(issueId);
            linked[i] = true;
            tags[i] |= LINKAGE.mask();
        }
    }

    // --- 9. Credibility of claims (M3): red lines tie hands; keeping one shows resolve, breaking it costs more.
    private void redLines() {
        for (int s = 0; s < 2; s++) {
            int bit = Board.red(s);
            Orders orders = input.of(ScenarioIndex.side(s));
            for (int i = 0; i < n; i++) {
                Order order = orders.byIssue().get(x.ids[i]);
                boolean declared = (b.redLines[i] & bit) != 0;
                if (order != null && order.redLine() && !declared) {
                    b.redLines[i] |= bit;
                    b.tension(r.redlineDeclare, "red line declared", RED_LINE.ids(), i);
                    tags[i] |= RED_LINE.mask();
                    declared = true;
                }
                if (!declared) {
                    continue;
                }
                if (MoveRules.withheldByConstituency(move[s][i])) {
                    b.redLines[i] &= ~bit;
                    b.side(s, SideVar.SUPPORT, -r.redlineAudienceCost, "red line broken: audience cost", RED_LINE_BROKEN.ids(), i);
                    if (s == W) {
                        b.side(M, SideVar.RESOLVE, -r.redlineBreak, "red line broken: resolve doubted", RED_LINE_BROKEN.ids(), i);
                    }
                    tags[i] |= RED_LINE_BROKEN.mask();
                } else if (move[other(s)][i].hardline()) {
                    b.side(s, SideVar.SUPPORT, r.redlineSupportGain, "red line kept under pressure", RED_LINE.ids(), i);
                    if (s == W) {
                        b.side(M, SideVar.RESOLVE, r.redlineKeep, "red line kept under pressure", RED_LINE.ids(), i);
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
            double[] weight = new double[n];
            double[] hard = new double[n];
            for (int i = 0; i < n; i++) {
                double w = x.salience[reader][i] * (x.coreFor[reader][i] ? r.policyMixCoreWeight : 1);
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
            b.side(reader, SideVar.TRUST, r.trustRate * sincerity, "reading of the other side's moves", SIGNAL.ids(), -1);
            b.side(reader, SideVar.THREAT, -r.threatRate * sincerity, "reading of the other side's moves", REASSURED.ids(), -1);
            for (int i = 0; i < n; i++) {
                double rest = weightSum - weight[i];
                hardElsewhere[reader][i] = rest > 0 ? (hardSum - hard[i]) / rest : 0;
            }
        }
    }

    private double signal(Move move) {
        return switch (move) {
            case CONCEDE, DRAWDOWN -> r.signalCostly;
            case NEGOTIATE, ALLY_OUTREACH, ACQUIESCE -> r.signalCheap;
            case HOLD -> 0;
            case PRESS, BUILDUP -> -r.signalHardline;
            case FORCE -> -r.signalForce;
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
            b.side(s, s == W ? SideVar.BURDEN : SideVar.STRAIN, s == W ? r.buildupBurden : r.buildupStrain,
                    mv == Move.FORCE ? "cost of own use of force" : "cost of own buildup", BUILDUP_COST.ids(), i);
            b.side(o, SideVar.THREAT, r.buildupThreat * x.salience[o][i], "the other side's buildup", THREATENED.ids(), i);
            tags[i] |= BUILDUP_COST.mask() | THREATENED.mask();
        }
        if (mv == Move.FORCE) {
            b.tension(r.forceTension * x.salience[o][i], "use of force", FORCE.ids(), i);
            b.side(o, SideVar.THREAT, r.forceThreat, "use of force against it", FORCE.ids(), i);
            tags[i] |= FORCE.mask();
        }
        if (mv == Move.DRAWDOWN) {
            b.side(s, s == W ? SideVar.BURDEN : SideVar.STRAIN, -r.drawdownBurden * share[s][i],
                    "own drawdown", DRAWDOWN.ids(), i);
            b.side(o, SideVar.THREAT, -r.drawdownThreat * x.salience[o][i] * share[s][i], "the other side's drawdown",
                    DRAWDOWN.ids(), i);
            tags[i] |= DRAWDOWN.mask();
        }
        double weight = concessionWeight(mv, move[o][i]) * share[s][i];
        if (weight > 0) {
            double given = r.concessionBalance * weight * (1 - r.argumentEffect * rating[s][i]);
            b.balance(i, s == W ? -given : given, "concession", CONCESSION.ids());
            tags[i] |= CONCESSION.mask();
            if (s == W && !move[o][i].lessHardline()) {
                strongerConcession += weight * x.salience[M][i];
            }
        }
    }

    private double concessionWeight(Move mv, Move answer) {
        return switch (mv) {
            case CONCEDE -> r.weightConcede;
            case ACQUIESCE -> r.weightAcquiesce;
            case DRAWDOWN -> r.weightDrawdown;
            case NEGOTIATE -> answer.hardline() ? r.weightNegotiate : 0;
            case ALLY_OUTREACH -> answer.hardline() ? r.weightAllyOutreach : 0;
            default -> 0;
        };
    }

    private void spiral(int i) {
        b.tension(r.spiralTension * x.meanSalience[i], "mutual hardline spiral", SPIRAL.ids(), i);
        for (int s = 0; s < 2; s++) {
            b.side(s, SideVar.THREAT, r.spiralThreat * x.salience[s][i], "mutual hardline spiral", SPIRAL.ids(), i);
            b.side(s, SideVar.TRUST, -r.spiralTrust, "mutual hardline spiral", SPIRAL.ids(), i);
        }
        b.side(M, SideVar.STRAIN, r.buildupStrain * x.meanSalience[i], "mutual hardline spiral", BUILDUP_COST.ids(), i);
        endTalks(i, SPIRAL);
        tags[i] |= SPIRAL.mask();
    }

    private void press(int p, int i) {
        double gained = r.pressBalance * (1 + r.argumentEffect * rating[p][i]);
        b.balance(i, p == W ? gained : -gained, "advantage pressed", PRESSED.ids());
        b.tension(r.pressTension * x.meanSalience[i], "advantage pressed", PRESSED.ids(), i);
        endTalks(i, PRESSED);
        tags[i] |= PRESSED.mask();
    }

    private void endTalks(int i, Tag why) {
        if (b.status[i] == IssueStatus.NEGOTIATING) {
            b.status(i, IssueStatus.CONTESTED, "talks broken off by a hardline move", why.ids());
        }
    }

    private void talks(int i) {
        b.tension(-r.talksTension * x.meanSalience[i], "both sides reach out", TALKS_CALM.ids(), i);
        if (b.agreementInForce(i)) {
            for (int s = 0; s < 2; s++) {
                b.side(s, SideVar.TRUST, r.talksTrust, "agreement reaffirmed", TALKS.ids(), i);
            }
        } else if (read[W][i].lessHardline() && read[M][i].lessHardline()) {
            agreementRoll(i);
        } else {
            // Both reached out, but one side read the other's step as posturing (M1).
            b.status(i, IssueStatus.NEGOTIATING, "talks stalled by a misreading", MISREAD.ids());
        }
    }

    private void agreementRoll(int i) {
        double trust = (b.get(W, SideVar.TRUST) + b.get(M, SideVar.TRUST)) / 2;
        double china = b.get(ContextVar.CHINA) / 100;
        double logit = r.agreementBase
                + r.agreementTrust * (trust - 50) / 50
                - r.agreementThreat * (b.get(M, SideVar.THREAT) - 50) / 50
                + r.agreementTrends * (1 - r.trendsDamping) * (b.get(ContextVar.TRENDS) - 50) / 50
                - r.agreementTriangle * china
                + r.agreementStrain * b.get(M, SideVar.STRAIN) / 100
                + (linked[i] ? r.agreementProposal : 0)
                - r.agreementPolicyMix * (hardElsewhere[W][i] + hardElsewhere[M][i])
                + r.agreementCostly * ((move[W][i].costly() ? 1 : 0) + (move[M][i].costly() ? 1 : 0))
                + (x.shared[i] ? r.agreementShared : 0)
                - (x.coreFor[M][i] ? r.agreementCore : 0)
                + (statusBefore[i] == IssueStatus.NEGOTIATING ? r.agreementTalks : 0)
                + r.agreementResolve * (b.get(M, SideVar.RESOLVE) - 50) / 50
                + r.agreementChampion * ((b.champion[W] ? 1 : 0) + (b.champion[M] ? 1 : 0))
                - r.agreementSpoiled * ((share[W][i] < 1 ? 1 : 0) + (share[M][i] < 1 ? 1 : 0))
                + r.argumentOdds * (rating[W][i] + rating[M][i]);
        double odds = Board.clamp(1 / (1 + Math.exp(-logit)), r.agreementMin, r.agreementMax);
        long tag = AGREEMENT_ROLL.mask();
        if (china > 0) {
            tag |= TRIANGLE.mask();
        }
        if (hardElsewhere[W][i] + hardElsewhere[M][i] > 0) {
            tag |= POLICY_MIX.mask();
        }
        tags[i] |= tag;
        if (dice.roll("agreement", x.ids[i], odds, AGREEMENT_ROLL.ids())) {
            agreedNow[i] = true;
            b.conclude(i, "agreement concluded", AGREED.ids());
            b.tension(-r.agreementTensionRelief * x.meanSalience[i], "agreement concluded", AGREED.ids(), i);
            for (int s = 0; s < 2; s++) {
                b.side(s, SideVar.TRUST, r.agreementTrustGain, "agreement concluded", AGREED.ids(), i);
                b.side(s, SideVar.THREAT, -r.agreementThreatRelief * x.salience[s][i], "agreement concluded", AGREED.ids(), i);
                // 6. Constituencies (F4): a visible success makes champions and wins support at home.
                b.champion(s, true, "a visible success makes a champion", CHAMPION.ids(), i);
                b.side(s, SideVar.SUPPORT, r.constituencySuccess, "a visible success", CHAMPION.ids(), i);
            }
            tags[i] |= AGREED.mask() | CHAMPION.mask();
        } else {
            b.status(i, IssueStatus.NEGOTIATING, "talks continue without agreement", TALKS.ids());
            for (int s = 0; s < 2; s++) {
                b.side(s, SideVar.TRUST, r.talksTrust, "talks continue", TALKS.ids(), i);
            }
        }
    }

    // --- 5. Emboldening (K2, F3, M5, M6): concessions the rival does not reciprocate may erode the
    // stronger side's perceived resolve, never by more than the configured sensitivity in a turn.
    private void resolve() {
        double resolve = b.get(M, SideVar.RESOLVE);
        b.side(M, SideVar.RESOLVE, r.resolveReversion * (x.startResolve - resolve), "impressions of resolve fade",
                FADING.ids(), -1);
        double shown = 0;
        for (int i = 0; i < n; i++) {
            shown += move[W][i].hardline() ? r.resolveHardline * x.salience[M][i] : 0;
        }
        b.side(M, SideVar.RESOLVE, shown, "hardline moves show resolve", RESOLVE.ids(), -1);
        if (strongerConcession > 0) {
            b.side(M, SideVar.RESOLVE, -emboldening(x, b, strongerConcession), "emboldening: concessions read as weakness",
                    EMBOLDENING.ids(), -1);
            for (int i = 0; i < n; i++) {
                if (concessionWeight(move[W][i], move[M][i]) > 0 && !move[M][i].lessHardline()) {
                    tags[i] |= EMBOLDENING.mask();
                }
            }
        }
    }

    /** The emboldening a turn's unreciprocated concessions cause: at most the sensitivity. */
    static double emboldening(ScenarioIndex x, Board b, double conceded) {
        Rules r = x.rules;
        double power = Math.min(1, r.emboldeningPowerPivot / b.get(ContextVar.POWER));
        double ambition = r.emboldeningRevisionismFloor + (1 - r.emboldeningRevisionismFloor) * b.get(ContextVar.REVISIONISM) / 100;
        return r.emboldeningSensitivity * Math.min(1, conceded) * power * ambition;
    }

    // --- 6. Constituencies and backlash (F4): champions build support while agreements hold; reaching
    // out while the rival keeps competing elsewhere drains support, the more so for real concessions.
    private void constituencies() {
        boolean anyInForce = b.agreementsInForce() > 0;
        for (int s = 0; s < 2; s++) {
            if (b.champion[s] && anyInForce) {
                b.side(s, SideVar.SUPPORT, r.constituencyChampion, "a champion builds a constituency", CHAMPION.ids(), -1);
            }
            int o = other(s);
            boolean reaching = false;
            double conceded = 0;
            double competing = 0;
            for (int i = 0; i < n; i++) {
                reaching |= move[s][i].lessHardline();
                conceded += MoveRules.withheldByConstituency(move[s][i]) ? concessionWeight(move[s][i], move[o][i]) : 0;
                competing += move[o][i].hardline() && !move[s][i].lessHardline() ? x.salience[s][i] : 0;
            }
            if (reaching && competing > 0) {
                double coefficient = s == W ? r.backlashStronger : r.backlashWeaker;
                double loss = Math.min(r.backlashMax, coefficient * competing * (1 + conceded));
                b.side(s, SideVar.SUPPORT, -loss, "backlash: reaching out while the rival competes elsewhere", BACKLASH.ids(), -1);
            }
        }
    }

    // --- 4. Durable gains (F2, B4), continued: agreements in force keep reassuring both sides.
    private void reassurance() {
        for (int s = 0; s < 2; s++) {
            double settled = 0;
            for (int i = 0; i < n; i++) {
                settled += b.agreementInForce(i) ? x.salience[s][i] : 0;
            }
            b.side(s, SideVar.THREAT, -r.agreementReassurance * settled, "agreements in force reassure", REASSURANCE.ids(), -1);
        }
    }

    // --- 7. Trends (F5): trends against the weaker side raise its strain, and with it its readiness to settle.
    private void trends() {
        b.side(M, SideVar.STRAIN, r.trendsStrain * b.get(ContextVar.TRENDS) / 100, "trends run against it", STRAIN.ids(), -1);
    }

    // --- 3. Unresolved core pressure (F1, R2): core issues left open push tension up, more so once the
    // shared-interest issues are settled.
    private void corePressure() {
        int settled = 0;
        for (int i = 0; i < n; i++) {
            settled += x.shared[i] && b.agreementInForce(i) ? 1 : 0;
        }
        double fruitGone = x.sharedCount == 0 ? 0 : (double) settled / x.sharedCount;
        Tag tag = fruitGone > 0 ? FRUIT_GONE : CORE;
        for (int i = 0; i < n; i++) {
            if (!x.core[i]) {
                continue;
            }
            if (b.agreementInForce(i)) {
                b.unresolved[i] = 0;
                continue;
            }
            b.unresolved[i]++;
            boolean bothTalk = move[W][i].lessHardline() && move[M][i].lessHardline();
            double relief = bothTalk ? 1 - r.coreTalksRelief : 1;
            double holder = 0;
            for (int s = 0; s < 2; s++) {
                if (x.coreFor[s][i]) {
                    holder = Math.max(holder, x.salience[s][i]);
                    b.side(s, SideVar.THREAT, r.coreThreat * x.salience[s][i] * relief, "core concern unresolved", CORE.ids(), i);
                }
            }
            b.tension(r.corePressure * holder * (1 + r.coreFruitGone * fruitGone) * relief, "core concern unresolved",
                    tag.ids(), i);
            tags[i] |= tag.mask() | (bothTalk ? CORE_TALKS.mask() : 0);
        }
    }

    // --- 4. Durable gains (F2): agreements lapse only with a small, capped hazard; institutions lower it.
    private void durableGains() {
        for (int i = 0; i < n; i++) {
            if (!b.agreementInForce(i) || agreedNow[i]) {
                continue;
            }
            int hard = (move[W][i].hardline() ? 1 : 0) + (move[M][i].hardline() ? 1 : 0);
            double hazard = Math.min(r.lapseCap, r.lapseBase + r.lapseTension * b.tension / 100 + r.lapseHardline * hard)
                    * (x.institutional[i] ? r.lapseInstitutional : 1);
            if (dice.roll("agreement lapse", x.ids[i], hazard, LAPSE.ids())) {
                b.lapse(i, "agreement lapsed", LAPSE.ids());
                b.tension(r.lapseTensionRise, "agreement lapsed", LAPSE.ids(), i);
                for (int s = 0; s < 2; s++) {
                    b.side(s, SideVar.TRUST, -r.lapseTrustLoss, "agreement lapsed", LAPSE.ids(), i);
                }
            }
            tags[i] |= LAPSE.mask();
        }
    }

    // --- 8. Spoilers (M4), part two: a proxy incident may flare an issue.
    private void proxyIncident() {
        double odds = r.spoilerIncident * b.get(ContextVar.SPOILER) / 100;
        if (odds <= 0 || !dice.roll("proxy incident", null, odds, INCIDENT.ids())) {
            return;
        }
        int i = dice.choose("proxy incident: issue", n, x.ids, INCIDENT.ids());
        b.tension(r.spoilerIncidentTension, "proxy incident", INCIDENT.ids(), i);
        for (int s = 0; s < 2; s++) {
            b.side(s, SideVar.TRUST, -r.spoilerIncidentTrust, "proxy incident", INCIDENT.ids(), i);
        }
        endTalks(i, INCIDENT);
        tags[i] |= INCIDENT.mask();
    }

    // --- 11. Escalation (B3): past the crisis threshold contested issues under hardline moves become
    // crises; a hardline move in crisis may escalate to conflict, which ends the exercise.
    private void escalation() {
        double threshold = r.crisisThreshold;
        for (int i = 0; i < n; i++) {
            boolean hard = move[W][i].hardline() || move[M][i].hardline();
            IssueStatus status = b.status[i];
            if (b.tension >= threshold && hard && (status == IssueStatus.CONTESTED || status == IssueStatus.NEGOTIATING)) {
                b.status(i, IssueStatus.CRISIS, "tension past the crisis threshold", CRISIS.ids());
                tags[i] |= CRISIS.mask();
            } else if (b.tension < r.crisisRelease && status == IssueStatus.CRISIS) {
                b.status(i, b.agreementInForce(i) ? IssueStatus.AGREEMENT : IssueStatus.CONTESTED,
                        "tension eased below the crisis level", CRISIS.ids());
            }
        }
        for (int i = 0; i < n && !b.conflict; i++) {
            boolean hw = move[W][i].hardline();
            boolean hm = move[M][i].hardline();
            if (b.status[i] != IssueStatus.CRISIS || !(hw || hm)) {
                continue;
            }
            boolean force = move[W][i] == Move.FORCE || move[M][i] == Move.FORCE;
            double odds = r.escalationBase
                    + r.escalationTension * Math.max(0, (b.tension - threshold) / Math.max(1, 100 - threshold))
                    + (hw && hm ? r.escalationMutual : 0)
                    + (force ? r.escalationForce : 0)
                    + r.escalationResolve * Math.max(0, (50 - b.get(M, SideVar.RESOLVE)) / 50);
            tags[i] |= CRISIS.mask();
            if (dice.roll("escalation to conflict", x.ids[i], Math.min(r.escalationMax, odds), CRISIS.ids())) {
                b.endInConflict(i, "crisis escalated to conflict", CRISIS.ids());
            }
        }
    }

    private List<IssueOutcome> issueOutcomes() {
        List<IssueOutcome> outcomes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            outcomes.add(new IssueOutcome(x.ids[i], move[W][i], move[M][i], read[W][i], read[M][i], statusBefore[i],
                    b.status[i], Tag.ids(tags[i])));
        }
        return outcomes;
    }
}
