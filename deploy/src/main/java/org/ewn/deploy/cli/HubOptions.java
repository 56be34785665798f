package org.ewn.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The hub a submission goes to and how its receipt is checked. Submitting prints the hub's JSON answer and
 * verifies the receipt in it; a refusal is printed as {@code refused: <problem type>: <detail>} and exits 1.
 */
final class HubOptions {

    static final String HUB_CERTIFICATE_PATH = "/api/v1/trust/hub-certificate";
    static final String KEYED = "application/ewn-submission+json";

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--hub", required = true, paramLabel = "URL",
            description = "The hub's base URL, such as http://localhost:8080.")
    String hub;

    @Option(names = "--hub-certificate", paramLabel = "HUB.pem",
            description = "The hub's certificate (PEM, leaf first) to verify the receipt with (default: fetched from "
                    + "the hub at " + HUB_CERTIFICATE_PATH + ").")
    Path hubCertificate;

    @Option(names = "--root-certificate", paramLabel = "ROOT.crt",
            description = "The network's root certificate (PEM): the hub's certificate must chain to it.")
    Path rootCertificate;

    @Option(names = "--out-envelope", paramLabel = "FILE.jws",
            description = "Keep the exact signed envelope in this file, to verify or resubmit it later.")
    Path outEnvelope;

    @Option(names = "--out-receipt", paramLabel = "FILE.jws", description = "Keep the hub's receipt in this file.")
    Path outReceipt;

    private final KeyFiles files;

    HubOptions(CliEnvironment environment) {
        this.files = new KeyFiles(environment);
    }

    /** Posts the submission to the endpoint of its type; 0 if the hub accepted it with a receipt that verifies. */
    int submit(Submission submission) {
        return submit(submission, java.util.Map.of());
    }

    /**
     * Posts the submission with the keys of its personal data beside it ({@value #KEYED}), or as a bare JWS when
     * there are none.
     */
    int submit(Submission submission, java.util.Map<String, String> subjectKeys) {
        HubClient client = new HubClient(hub);
        String path = Endpoints.path(submission.type(), submission.body());
        if (outEnvelope != null) {
            KeyFiles.writeText(outEnvelope, submission.envelope() + System.lineSeparator());
        }
        List<X509Certificate> hubChain = hubCertificate != null ? files.certificates(hubCertificate)
                : KeyFiles.pemCertificates(client.get(HUB_CERTIFICATE_PATH),
                        "the hub's answer to " + HUB_CERTIFICATE_PATH);
        X509Certificate root = rootCertificate == null ? null : files.certificates(rootCertificate).get(0);
        HubClient.Answer answer;
        if (subjectKeys.isEmpty()) {
            answer = client.post(path, submission.envelope());
        } else {
            com.fasterxml.jackson.databind.node.ObjectNode keyed = Json.object().put("submission", submission.envelope());
            com.fasterxml.jackson.databind.node.ObjectNode keys = keyed.putObject("subjectKeys");
            subjectKeys.forEach(keys::put);
            answer = client.post(path, keyed.toString(), KEYED);
        }
        return answer.accepted() ? accepted(answer, submission, hubChain, root) : refused(answer);
    }

    private int accepted(HubClient.Answer answer, Submission submission, List<X509Certificate> hubChain,
                         X509Certificate root) {
        PrintWriter out = command.commandLine().getOut();
        JsonNode json = json(answer.body());
        out.println(answer.body().strip());
        String receipt = Json.text(json, "receipt");
        if (receipt == null) {
            throw new CliFailure("the hub answered " + answer.status() + " without a receipt");
        }
        if (outReceipt != null) {
            KeyFiles.writeText(outReceipt, receipt + System.lineSeparator());
        }
        Receipts.Receipt verified = Receipts.verify(receipt, hubChain, root, submission);
        out.println("receipt verified: global index " + verified.globalIndex()
                + (answer.status() == 200 ? " (the hub had accepted this submission before)" : ""));
        if (hubCertificate == null && root == null) {
            command.commandLine().getErr().println("note: the hub's certificate came from the hub itself; pass "
                    + "--root-certificate to check that the network's root certified it");
        }
        return 0;
    }

    private int refused(HubClient.Answer answer) {
        PrintWriter err = command.commandLine().getErr();
        JsonNode problem = json(answer.body());
        String type = Json.text(problem, "type");
        if (type != null) {
            String detail = Json.text(problem, "detail");
            err.println("refused: " + type + ": " + (detail != null ? detail : Json.text(problem, "title")));
        } else {
            err.println("refused: HTTP " + answer.status() + ": " + HubClient.excerpt(answer.body()));
        }
        return 1;
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }
}
