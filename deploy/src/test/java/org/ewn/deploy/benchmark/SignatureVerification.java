package org.ewn.deploy.benchmark;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.ewn.api.submission.SubmissionTypes;
import org.ewn.command.submission.SubmissionGate;
import org.ewn.trust.SignedEnvelope;

import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Row 6: how much of the hub's gate is the signature itself. In rounds, on the same freshly signed alert envelopes of
 * the demo agencies: bare Bouncy Castle Ed25519 checks of their signing input and signature, and the gate admitting
 * them as submissions (every check it makes on the API path), on the all-in-one application's own gate bean. The
 * same rounds sign, as the hub signs each receipt, with the JDK's form of an Ed25519 key, against bare Bouncy Castle
 * signatures with its own form held.
 */
final class SignatureVerification {

    private static final int[] THREADS = {1, 2};
    private static final int PER_THREAD = 4_000;
    private static final int SLICES = 10;
    private static final int WARM_UP_ROUNDS = 3;
    private static final int ROUNDS = 5;
    private static final double TARGET = 0.7;

    private final ResultTable.Section section;
    private SubmissionGate gate;
    private SignedAlerts alerts;
    /** A key as the hub's key store gives it, the JDK's, and Bouncy Castle's form of it. */
    private PrivateKey receiptKey;
    private Ed25519PrivateKeyParameters rawKey;

    /** One round: raw and gate on the same envelopes, and what the machine did meanwhile. */
    private record Round(CommonStart.Timing raw, CommonStart.Timing gate, CommonStart.Timing rawSigned,
                         CommonStart.Timing envelopeSigned, CpuMeter.Usage usage) {

        double wallRatio() {
            return gate.perWallSecond() / raw.perWallSecond();
        }

        double cpuRatio() {
            return gate.perCpuSecond() / raw.perCpuSecond();
        }

        double signingRatio() {
            return envelopeSigned.perWallSecond() / rawSigned.perWallSecond();
        }
    }

    SignatureVerification(ResultTable table) {
        List<String> columns = new ArrayList<>(List.of(""));
        for (int round = 1; round <= ROUNDS; round++) {
            columns.add("round " + round);
        }
        columns.addAll(List.of("median", "spread", "target"));
        this.section = table.section(String.format("Signature verification in one JVM (per second; %,d envelopes per"
                                                   + " thread and round, %d warm-up and %d measured rounds)",
                                                   PER_THREAD, WARM_UP_ROUNDS, ROUNDS),
                                     columns.toArray(new String[0]));
    }

    void run() throws Exception {
        try (AllInOne application = AllInOne.start("signatures");
             CommonStart threads = new CommonStart(THREADS[THREADS.length - 1])) {
            gate = application.bean(SubmissionGate.class);
            alerts = new SignedAlerts(application);
            receiptKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
            rawKey = (Ed25519PrivateKeyParameters) PrivateKeyFactory.createKey(receiptKey.getEncoded());
            for (int count : THREADS) {
                measure(threads, count);
            }
            describe();
        }
    }

    private void measure(CommonStart threads, int count) throws Exception {
        Benchmark.progress("signature verification, " + count + " thread(s)");
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            round(threads, count);
        }
        Round[] rounds = new Round[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            rounds[round] = round(threads, count);
        }
        String suffix = ", " + count + (count == 1 ? " thread" : " threads");
        row("raw Ed25519Signer.verifySignature" + suffix, rounds, round -> round.raw().perWallSecond(), "%,.0f", "");
        row("SubmissionGate.admit" + suffix, rounds, round -> round.gate().perWallSecond(), "%,.0f", "");
        double median = median(values(rounds, Round::wallRatio));
        row("gate / raw" + suffix, rounds, Round::wallRatio, "%.2f×",
            String.format("≥ %.2f×: %.2f× %s", TARGET, median, ResultTable.met(median >= TARGET)));
        row("  the same by thread CPU time" + suffix, rounds, Round::cpuRatio, "%.2f×", "");
        row("raw Ed25519Signer.generateSignature" + suffix, rounds, round -> round.rawSigned().perWallSecond(),
            "%,.0f", "");
        row("SignedEnvelope.sign, as of a receipt" + suffix, rounds,
            round -> round.envelopeSigned().perWallSecond(), "%,.0f", "");
        row("receipt signing / raw" + suffix, rounds, Round::signingRatio, "%.2f×", "");
        row("  other processes' cores" + suffix, rounds, round -> round.usage().otherCores(), "%.2f", null);
        section.note(String.format("%d thread(s): this JVM used %.2f cores on average during the rounds", count,
                                   Arrays.stream(values(rounds, round -> round.usage().processCpuSeconds()
                                                                         / round.usage().seconds()))
                                         .average().orElse(0)));
    }

    /**
     * Signs this round's envelopes first: each is a new submission, issued just now, so none ages past the skew. Then
     * raw and gate take turns on slices of them, each going first every other slice, so that the load of other
     * processes, which comes and goes within a second, falls on both alike.
     */
    private Round round(CommonStart threads, int count) throws Exception {
        SignedAlerts.Signed[][] batches = new SignedAlerts.Signed[count][];
        for (int thread = 0; thread < count; thread++) {
            batches[thread] = alerts.sign(PER_THREAD);
        }
        CpuMeter cpu = new CpuMeter();
        CommonStart.Timing raw = CommonStart.NOTHING;
        CommonStart.Timing admitted = CommonStart.NOTHING;
        CommonStart.Timing rawSigned = CommonStart.NOTHING;
        CommonStart.Timing envelopeSigned = CommonStart.NOTHING;
        int length = PER_THREAD / SLICES;
        for (int slice = 0; slice < SLICES; slice++) {
            SignedAlerts.Signed[][] part = new SignedAlerts.Signed[count][];
            for (int thread = 0; thread < count; thread++) {
                part[thread] = Arrays.copyOfRange(batches[thread], slice * length, (slice + 1) * length);
            }
            if (slice % 2 == 0) {
                raw = raw.plus(threads.time(part, SignatureVerification::verifyRaw));
                admitted = admitted.plus(threads.time(part, this::admit));
                rawSigned = rawSigned.plus(threads.time(part, this::signRaw));
                envelopeSigned = envelopeSigned.plus(threads.time(part, this::signEnvelope));
            } else {
                envelopeSigned = envelopeSigned.plus(threads.time(part, this::signEnvelope));
                rawSigned = rawSigned.plus(threads.time(part, this::signRaw));
                admitted = admitted.plus(threads.time(part, this::admit));
                raw = raw.plus(threads.time(part, SignatureVerification::verifyRaw));
            }
        }
        return new Round(raw, admitted, rawSigned, envelopeSigned, cpu.stop());
    }

    /** Signs each envelope's signing input with the key's Bouncy Castle form held, a new signer each time. */
    private int signRaw(SignedAlerts.Signed[] batch) {
        int signed = 0;
        for (SignedAlerts.Signed envelope : batch) {
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(true, rawKey);
            signer.update(envelope.signingInput(), 0, envelope.signingInput().length);
            if (signer.generateSignature().length == 64) {
                signed++;
            }
        }
        return signed;
    }

    /** Signs each envelope's signing input as the payload of a receipt, with the JDK's form of the key. */
    private int signEnvelope(SignedAlerts.Signed[] batch) {
        int signed = 0;
        for (SignedAlerts.Signed envelope : batch) {
            if (SignedEnvelope.sign(envelope.signingInput(), "hub", "ewn-receipt+jws", receiptKey).length()
                > envelope.signingInput().length) {
                signed++;
            }
        }
        return signed;
    }

    /** As the gate's verifier does: a new signer per check, over the envelope's bytes up to the second dot. */
    private static int verifyRaw(SignedAlerts.Signed[] batch) {
        int verified = 0;
        for (SignedAlerts.Signed signed : batch) {
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(false, signed.publicKey());
            signer.update(signed.signingInput(), 0, signed.signingInput().length);
            if (signer.verifySignature(signed.signature())) {
                verified++;
            }
        }
        return verified;
    }

    /** Counts the submissions admitted under their own id, so that no part of the gate's work is dead code. */
    private int admit(SignedAlerts.Signed[] batch) {
        int admitted = 0;
        for (SignedAlerts.Signed signed : batch) {
            if (gate.admit(signed.compact(), SubmissionTypes.ALERT_RAISE).submissionId()
                    .equals(signed.submissionId())) {
                admitted++;
            }
        }
        return admitted;
    }

    private void row(String name, Round[] rounds, ToDoubleFunction<Round> figure, String format, String target) {
        double[] values = values(rounds, figure);
        List<String> cells = new ArrayList<>(List.of(name));
        for (double value : values) {
            cells.add(String.format(format, value));
        }
        double median = median(values);
        double range = Arrays.stream(values).max().orElse(0) - Arrays.stream(values).min().orElse(0);
        cells.add(String.format(format, median));
        // a share of nothing is no spread: the cores of other processes get none, and no target
        cells.add(target == null ? "" : String.format("%.0f%%", 100 * range / median));
        cells.add(target == null ? "" : target);
        section.row(cells.toArray(new String[0]));
    }

    private void describe() {
        SignedAlerts.Signed sample = alerts.sign(1)[0];
        section.note(String.format("alert.raise envelopes of the %d demo agencies in turn, each a new submission id, "
                                   + "about %d characters (signing input %d bytes); raw and gate check the same "
                                   + "envelopes, in alternating slices of %d per thread, and the gate's result is "
                                   + "checked to carry each envelope's own id", SignedAlerts.AGENCIES.size(),
                                   sample.compact().length(), sample.signingInput().length, PER_THREAD / SLICES));
        section.note("raw: Bouncy Castle Ed25519Signer and the Ed25519PublicKeyParameters decoded once per key, a new "
                     + "signer per check as the gate's verifier does; gate: SubmissionGate.admit of the running "
                     + "all-in-one application, whose background threads carry on meanwhile");
        section.note("signing: the same signing inputs signed by Bouncy Castle's Ed25519Signer with its form of the "
                     + "key held, and by SignedEnvelope.sign, as the hub signs a receipt (a JWS header, Base64, the "
                     + "signature), with the JDK's form of the same key, as a PKCS#12 key store gives it");
        section.note("the target is judged on the wall clock; the thread-CPU ratio is not inflated by other processes "
                     + "taking the cores, but leaves out the garbage collector's threads");
        section.note(String.format("spread: (highest − lowest) / median of the measured rounds, this machine's noise; "
                                   + "'other processes' cores' is what the rest of the machine used during each round,"
                                   + " of %d", Runtime.getRuntime().availableProcessors()));
    }

    private static double[] values(Round[] rounds, ToDoubleFunction<Round> figure) {
        return Arrays.stream(rounds).mapToDouble(figure).toArray();
    }

    /** The median of the values, which stay as they are; also the other sections'. */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
