package org.ewn.deploy.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.concurrent.Callable;

@Command(name = "verify-receipt", description = "Verify a receipt of the hub: its signature with the hub's "
        + "certificate and, given the submission's envelope, that it is for that submission and for exactly what "
        + "was signed.", footer = "%nExit code 0: it verifies; 1: it does not.")
final class VerifyReceiptCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--hub-certificate", required = true, paramLabel = "HUB.pem",
            description = "The hub's certificate (PEM, leaf first), as published at " + HubOptions.HUB_CERTIFICATE_PATH)
    Path hubCertificate;

    @Option(names = "--root-certificate", paramLabel = "ROOT.crt",
            description = "The network's root certificate (PEM): the hub's certificate must chain to it.")
    Path rootCertificate;

    @Option(names = "--envelope", paramLabel = "SUBMISSION.jws", description = "The submission the receipt is for.")
    Path envelope;

    @Parameters(paramLabel = "RECEIPT.jws", description = "The receipt, or the hub's JSON answer holding it; - reads "
            + "standard input.")
    Path receipt;

    private final KeyFiles files;

    VerifyReceiptCommand(CliEnvironment environment) {
        this.files = new KeyFiles(environment);
    }

    @Override
    public Integer call() {
        Submission submission = envelope == null ? null
                : Submission.parse(files.readText(envelope), envelope.toString());
        X509Certificate root = rootCertificate == null ? null : files.certificates(rootCertificate).get(0);
        Receipts.Receipt verified = Receipts.verify(receiptText(), files.certificates(hubCertificate), root,
                submission);
        PrintWriter out = spec.commandLine().getOut();
        out.println("payload: " + verified.payload());
        out.println("receipt verified: global index " + verified.globalIndex()
                + (submission == null ? " (not compared with a submission: pass --envelope for that)"
                        : ", for submission " + submission.submissionId() + " and exactly what it signed"));
        return 0;
    }

    private String receiptText() {
        String text = files.readText(receipt).strip();
        if (!text.startsWith("{")) {
            return text;
        }
        ObjectNode answer = Json.parseObject(text, receipt.toString());
        String compact = Json.text(answer, "receipt");
        if (compact == null) {
            throw new CliFailure(receipt + " is JSON without a \"receipt\"");
        }
        return compact;
    }
}
