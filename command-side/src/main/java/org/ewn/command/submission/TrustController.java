package org.ewn.command.submission;

import io.swagger.v3.oas.annotations.Operation;
import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.ewn.trust.Digests;
import org.ewn.trust.NetworkMembership;
import org.ewn.trust.Pem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The certificates anyone needs to verify the network's signatures: the hub's, for receipts, and the root. */
@RestController
@RequestMapping("/api/v1/trust")
class TrustController {

    static final String PEM = "application/x-pem-file";

    private final HubKey hub;
    private final TrustRegistry registry;

    TrustController(HubKey hub, TrustRegistry registry) {
        this.hub = hub;
        this.registry = registry;
    }

    @GetMapping(path = "/hub-certificate", produces = PEM)
    @Operation(summary = "The hub's receipt-signing certificate and its issuers (PEM, leaf first)")
    ResponseEntity<String> hubCertificate() {
        return ResponseEntity.ok(Pem.writeCertificates(hub.certificates()));
    }

    @GetMapping(path = "/root-certificate", produces = PEM)
    @Operation(summary = "The network's root CA certificate (PEM); header X-Fingerprint-SHA256 gives its fingerprint")
    ResponseEntity<String> rootCertificate() {
        NetworkMembership membership = registry.current();
        if (!membership.founded()) {
            throw new ProblemException(ProblemTypes.NOT_FOUND, 404, "The network is not founded yet");
        }
        return ResponseEntity.ok().header("X-Fingerprint-SHA256", Digests.fingerprint(membership.root()))
                             .body(Pem.writeCertificates(List.of(membership.root())));
    }
}
