package org.ewn.command.membership;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.ewn.api.membership.AddressGroupDefined;
import org.ewn.api.membership.AddressGroupDissolved;
import org.ewn.api.membership.DefineAddressGroup;
import org.ewn.api.membership.DissolveAddressGroup;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.GroupCode;
import org.ewn.api.member.MemberCode;
import org.ewn.api.membership.AdmitMember;
import org.ewn.api.membership.AgencyRegistered;
import org.ewn.api.membership.EnrolKey;
import org.ewn.api.membership.FoundNetwork;
import org.ewn.api.membership.KeyEnrolled;
import org.ewn.api.membership.KeyPurpose;
import org.ewn.api.membership.KeyRevoked;
import org.ewn.api.membership.MemberAdmitted;
import org.ewn.api.membership.MemberKind;
import org.ewn.api.membership.MemberReinstated;
import org.ewn.api.membership.MemberSuspended;
import org.ewn.api.membership.NetworkFounded;
import org.ewn.api.membership.RegisterAgency;
import org.ewn.api.membership.ReinstateMember;
import org.ewn.api.membership.RevokeKey;
import org.ewn.api.membership.SuspendMember;
import org.ewn.api.submission.SignedSubmission;
import org.ewn.trust.IssuedKey;
import org.ewn.trust.KeyIds;
import org.ewn.trust.KeyKind;
import org.ewn.trust.NetworkPki;
import org.ewn.trust.TrustException;
import org.ewn.trust.TrustFailure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.andNoMore;

class NetworkTest {

    private static final String NETWORK = "EWN";
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final AgencyCode ADMIN = new AgencyCode("EWN-ADMIN");
    private static final AgencyCode KZ_MVD = new AgencyCode("KZ-MVD");
    private static final AgencyCode KZ_KNB = new AgencyCode("KZ-KNB");
    private static final AgencyCode KG_GKNB = new AgencyCode("KG-GKNB");
    private static final MemberCode KZ = MemberCode.of("KZ");
    private static final MemberCode KG = MemberCode.of("KG");
    private static final GroupCode CENTRAL_ASIA = GroupCode.of("CENTRAL-ASIA");

    private static IssuedKey root;
    private static IssuedKey administrator;
    private static IssuedKey kzCa;
    private static IssuedKey kgCa;
    private static IssuedKey kzSigning;
    private static IssuedKey kzEncryption;

    private FixtureConfiguration<Network> fixture;

    @BeforeAll
    static void issueCertificates() {
        Instant from = NOW.minus(Duration.ofDays(1));
        Instant to = NOW.plus(Duration.ofDays(365));
        root = NetworkPki.root(NETWORK, from, to);
        administrator = NetworkPki.signingKey(root, ADMIN.value(), KeyKind.ED25519, from, to);
        kzCa = NetworkPki.memberCa(root, "KZ", "Kazakhstan", from, to);
        kgCa = NetworkPki.memberCa(root, "KG", "Kyrgyzstan", from, to);
        kzSigning = NetworkPki.signingKey(kzCa, KZ_MVD.value(), KeyKind.ED25519, from, to);
        kzEncryption = NetworkPki.encryptionKey(kzCa, KZ_MVD.value(), from, to);
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Network.class);
    }

    @Test
    void canFoundTheNetworkWithItsFirstAdministrator() {
        SignedSubmission submission = signedBy(ADMIN, administrator);
        fixture.givenNoPriorActivity()
               .when(new FoundNetwork(NETWORK, "Early-Warning Network", der(root), der(administrator), submission))
               .expectSuccessfulHandlerExecution()
               .expectResultMessagePayload(0L)
               .expectEvents(new NetworkFounded(NETWORK, "Early-Warning Network", der(root), submission),
                             new AgencyRegistered(ADMIN, "Network administration", true, submission),
                             new KeyEnrolled(ADMIN, keyId(administrator), KeyPurpose.SIGNING, der(administrator),
                                             submission));
    }

    @Test
    void cannotFoundTheNetworkTwice() {
        fixture.given(founding())
               .when(new FoundNetwork(NETWORK, "Again", der(root), der(administrator), signedBy(ADMIN, administrator)))
               .expectNoEvents()
               .expectException(ProblemException.class)
               .expectExceptionMessage("The network EWN is already founded");
    }

    @Test
    void cannotFoundTheNetworkWithAnAdministratorTheRootDidNotCertify() {
        IssuedKey otherRoot = NetworkPki.root("OTHER", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(9)));
        IssuedKey stranger = NetworkPki.signingKey(otherRoot, ADMIN.value(), KeyKind.ED25519,
                                                   NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(9)));
        fixture.givenNoPriorActivity()
               .when(new FoundNetwork(NETWORK, "Network", der(root), der(stranger), signedBy(ADMIN, stranger)))
               .expectNoEvents()
               .expectException(failure(TrustFailure.UNTRUSTED_CERTIFICATE));
    }

    @Test
    void canAdmitAMemberWithACaTheRootIssued() {
        SignedSubmission submission = signedBy(ADMIN, administrator);
        fixture.given(founding())
               .when(new AdmitMember(NETWORK, KZ, "Kazakhstan", MemberKind.STATE, der(kzCa), submission))
               .expectSuccessfulHandlerExecution()
               .expectResultMessagePayload(3L)
               .expectEvents(new MemberAdmitted(KZ, "Kazakhstan", MemberKind.STATE, der(kzCa), submission));
    }

    @Test
    void onlyNetworkAdministratorsAdmitMembers() {
        fixture.given(withKazakhstan())
               .when(new AdmitMember(NETWORK, KG, "Kyrgyzstan", MemberKind.STATE, der(kgCa),
                                     signedBy(KZ_MVD, kzSigning)))
               .expectNoEvents()
               .expectException(failure(TrustFailure.NOT_ENTITLED));
    }

    @Test
    void cannotAdmitAMemberWhoseCaNamesAnotherMember() {
        fixture.given(founding())
               .when(new AdmitMember(NETWORK, KG, "Kyrgyzstan", MemberKind.STATE, der(kzCa),
                                     signedBy(ADMIN, administrator)))
               .expectNoEvents()
               .expectException(failure(TrustFailure.WRONG_MEMBER));
    }

    @Test
    void cannotAdmitAMemberWithAnAgencyCertificateAsItsCa() {
        fixture.given(founding())
               .when(new AdmitMember(NETWORK, KZ, "Kazakhstan", MemberKind.STATE, der(administrator),
                                     signedBy(ADMIN, administrator)))
               .expectNoEvents()
               .expectException(failure(TrustFailure.WRONG_KEY_USAGE));
    }

    @Test
    void canEnrolAnAgencysSigningAndEncryptionKeys() {
        SignedSubmission signing = signedBy(ADMIN, administrator);
        SignedSubmission encryption = signedBy(ADMIN, administrator);
        fixture.given(withKazakhstan())
               .when(new EnrolKey(NETWORK, KZ_MVD, der(kzSigning), signing))
               .expectEvents(new KeyEnrolled(KZ_MVD, keyId(kzSigning), KeyPurpose.SIGNING, der(kzSigning), signing));
        fixture.given(withKazakhstan())
               .when(new EnrolKey(NETWORK, KZ_MVD, der(kzEncryption), encryption))
               .expectEvents(new KeyEnrolled(KZ_MVD, keyId(kzEncryption), KeyPurpose.ENCRYPTION, der(kzEncryption),
                                             encryption));
    }

    @Test
    void cannotEnrolAKeyThatAnotherMembersCaIssued() {
        IssuedKey forged = NetworkPki.issue(kgCa, new X500Name("CN=KZ-MVD,OU=KZ,O=EWN"), KeyKind.ED25519.generate(),
                                            false, null, KeyUsage.digitalSignature, NOW.minus(Duration.ofDays(1)),
                                            NOW.plus(Duration.ofDays(9)));
        List<Object> history = withKazakhstan();
        history.add(new MemberAdmitted(KG, "Kyrgyzstan", MemberKind.STATE, der(kgCa), signedBy(ADMIN, administrator)));
        fixture.given(history)
               .when(new EnrolKey(NETWORK, KZ_MVD, der(forged), signedBy(ADMIN, administrator)))
               .expectNoEvents()
               .expectException(failure(TrustFailure.WRONG_MEMBER));
    }

    @Test
    void cannotEnrolAnExpiredCertificate() {
        IssuedKey expired = NetworkPki.signingKey(kzCa, KZ_MVD.value(), KeyKind.ED25519,
                                                  NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(1)));
        fixture.given(withKazakhstan())
               .when(new EnrolKey(NETWORK, KZ_MVD, der(expired), signedBy(ADMIN, administrator)))
               .expectNoEvents()
               .expectException(failure(TrustFailure.EXPIRED_CERTIFICATE));
    }

    @Test
    void cannotEnrolACertificateIssuedToAnotherAgency() {
        fixture.given(withKazakhstan())
               .when(new EnrolKey(NETWORK, KZ_KNB, der(kzSigning), signedBy(ADMIN, administrator)))
               .expectNoEvents()
               .expectException(ProblemException.class);
    }

    @Test
    void aMembersAdministratorRegistersItsOwnAgenciesOnly() {
        List<Object> history = withKazakhstan();
        history.add(new AgencyRegistered(new AgencyCode("KZ-ADMIN"), "KZ administration", true,
                                         signedBy(ADMIN, administrator)));
        SignedSubmission own = signedBy(new AgencyCode("KZ-ADMIN"), kzSigning);
        fixture.given(history)
               .when(new RegisterAgency(NETWORK, KZ_KNB, "Committee", false, own))
               .expectEvents(new AgencyRegistered(KZ_KNB, "Committee", false, own));
        fixture.given(history)
               .when(new RegisterAgency(NETWORK, KG_GKNB, "Committee", false,
                                        signedBy(new AgencyCode("KZ-ADMIN"), kzSigning)))
               .expectNoEvents()
               .expectException(failure(TrustFailure.NOT_ENTITLED));
    }

    @Test
    void anAgencyMayRevokeItsOwnKeyFromAnEarlierCompromise() {
        Instant compromise = NOW.minus(Duration.ofHours(2));
        SignedSubmission submission = signedBy(KZ_MVD, kzSigning);
        fixture.given(withKazakhstanKey())
               .when(new RevokeKey(NETWORK, KZ_MVD, keyId(kzSigning), compromise, "lost laptop", submission))
               .expectEvents(new KeyRevoked(KZ_MVD, keyId(kzSigning), compromise, "lost laptop", submission));
    }

    @Test
    void aRevocationTakesEffectNowUnlessAnEarlierTimeIsGiven() {
        SignedSubmission submission = signedBy(ADMIN, administrator);
        fixture.given(withKazakhstanKey())
               .when(new RevokeKey(NETWORK, KZ_MVD, keyId(kzSigning), null, "rotated", submission))
               .expectEvents(new KeyRevoked(KZ_MVD, keyId(kzSigning), NOW, "rotated", submission));
    }

    @Test
    void cannotRevokeFromAFutureTime() {
        fixture.given(withKazakhstanKey())
               .when(new RevokeKey(NETWORK, KZ_MVD, keyId(kzSigning), NOW.plus(Duration.ofDays(1)), "later",
                                   signedBy(ADMIN, administrator)))
               .expectNoEvents()
               .expectException(ProblemException.class);
    }

    @Test
    void anotherMembersAgencyCannotRevokeAKey() {
        fixture.given(withKazakhstanKey())
               .when(new RevokeKey(NETWORK, KZ_MVD, keyId(kzSigning), null, "hostile",
                                   signedBy(KG_GKNB, kzSigning)))
               .expectNoEvents()
               .expectException(failure(TrustFailure.NOT_ENTITLED));
    }

    @Test
    void theLastAdministratorKeyCannotBeRevoked() {
        fixture.given(founding())
               .when(new RevokeKey(NETWORK, ADMIN, keyId(administrator), null, "oops", signedBy(ADMIN, administrator)))
               .expectNoEvents()
               .expectException(ProblemException.class)
               .expectExceptionMessage(org.hamcrest.Matchers.containsString("last administrator signing key"));
    }

    @Test
    void canSuspendAndReinstateAMember() {
        SignedSubmission suspension = signedBy(ADMIN, administrator);
        fixture.given(withKazakhstan())
               .when(new SuspendMember(NETWORK, KZ, "audit", suspension))
               .expectEvents(new MemberSuspended(KZ, "audit", suspension));
        List<Object> suspended = withKazakhstan();
        suspended.add(new MemberSuspended(KZ, "audit", suspension));
        SignedSubmission reinstatement = signedBy(ADMIN, administrator);
        fixture.given(suspended)
               .when(new ReinstateMember(NETWORK, KZ, reinstatement))
               .expectEvents(new MemberReinstated(KZ, reinstatement));
        fixture.given(withKazakhstan())
               .when(new ReinstateMember(NETWORK, KZ, signedBy(ADMIN, administrator)))
               .expectNoEvents()
               .expectException(ProblemException.class)
               .expectExceptionMessage("Member KZ is not suspended");
    }

    @Test
    void theSameSubmissionAgainGetsTheFirstAnswerAndNoEvents() {
        List<Object> history = withKazakhstan();
        SignedSubmission admitted = ((MemberAdmitted) history.get(3)).submission();
        fixture.given(history)
               .when(new AdmitMember(NETWORK, KZ, "Kazakhstan", MemberKind.STATE, der(kzCa), admitted))
               .expectSuccessfulHandlerExecution()
               .expectResultMessagePayload(3L)
               .expectNoEvents();
    }

    @Test
    void aSubmissionIdUsedForOtherContentIsRefused() {
        List<Object> history = withKazakhstan();
        SignedSubmission admitted = ((MemberAdmitted) history.get(3)).submission();
        SignedSubmission replayed = new SignedSubmission(admitted.submissionId(), "member.admit", ADMIN,
                keyId(administrator), NOW, NOW, "other-content-hash", "h.p.s");
        fixture.given(history)
               .when(new AdmitMember(NETWORK, KG, "Kyrgyzstan", MemberKind.STATE, der(kgCa), replayed))
               .expectNoEvents()
               .expectException(failure(TrustFailure.REPLAYED_SUBMISSION));
    }

    @Test
    void foundingEventsAreOneSubmission() {
        SignedSubmission submission = signedBy(ADMIN, administrator);
        fixture.givenNoPriorActivity()
               .when(new FoundNetwork(NETWORK, "Network", der(root), der(administrator), submission))
               .expectEventsMatching(payloadsMatching(exactSequenceOf(
                       matches(e -> e instanceof NetworkFounded f && f.submission().equals(submission)),
                       matches(e -> e instanceof AgencyRegistered r && r.submission().equals(submission)),
                       matches(e -> e instanceof KeyEnrolled k && k.submission().equals(submission)),
                       andNoMore())));
    }

    @Test
    void canDefineAnAddressGroupOfAdmittedMembersAndDefineItAnew() {
        SignedSubmission defined = signedBy(ADMIN, administrator);
        fixture.given(withKazakhstan())
               .when(new DefineAddressGroup(NETWORK, CENTRAL_ASIA, "Central Asia", new TreeSet<>(List.of(KZ)), defined))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new AddressGroupDefined(CENTRAL_ASIA, "Central Asia", List.of(KZ), defined));

        List<Object> history = withKazakhstan();
        history.add(new MemberAdmitted(KG, "Kyrgyzstan", MemberKind.STATE, der(kgCa), signedBy(ADMIN, administrator)));
        history.add(new AddressGroupDefined(CENTRAL_ASIA, "Central Asia", List.of(KZ), defined));
        SignedSubmission redefined = signedBy(ADMIN, administrator);
        fixture.given(history)
               .when(new DefineAddressGroup(NETWORK, CENTRAL_ASIA, "Central Asia", new TreeSet<>(List.of(KG, KZ)),
                                            redefined))
               .expectEvents(new AddressGroupDefined(CENTRAL_ASIA, "Central Asia", List.of(KG, KZ), redefined));
    }

    @Test
    void onlyNetworkAdministratorsDefineAddressGroups() {
        List<Object> history = withKazakhstanKey();
        history.add(new AgencyRegistered(KZ_KNB, "Committee", true, signedBy(ADMIN, administrator)));
        fixture.given(history)
               .when(new DefineAddressGroup(NETWORK, CENTRAL_ASIA, "Central Asia", new TreeSet<>(List.of(KZ)),
                                            signedBy(KZ_MVD, kzSigning)))
               .expectNoEvents()
               .expectException(failure(TrustFailure.NOT_ENTITLED));
    }

    @Test
    void cannotDefineAnAddressGroupWithMembersNotAdmitted() {
        fixture.given(withKazakhstan())
               .when(new DefineAddressGroup(NETWORK, CENTRAL_ASIA, "Central Asia", new TreeSet<>(List.of(KZ, KG)),
                                            signedBy(ADMIN, administrator)))
               .expectNoEvents()
               .expectException(matches((Object e) -> e instanceof ProblemException p
                                                       && p.type().equals(ProblemTypes.UNKNOWN_ADDRESSEE)
                                                       && p.getMessage().contains("KG")));
    }

    @Test
    void canDissolveAnAddressGroupThatExistsOnly() {
        List<Object> history = withKazakhstan();
        history.add(new AddressGroupDefined(CENTRAL_ASIA, "Central Asia", List.of(KZ), signedBy(ADMIN, administrator)));
        SignedSubmission dissolved = signedBy(ADMIN, administrator);
        fixture.given(history)
               .when(new DissolveAddressGroup(NETWORK, CENTRAL_ASIA, dissolved))
               .expectEvents(new AddressGroupDissolved(CENTRAL_ASIA, dissolved));
        fixture.given(withKazakhstan())
               .when(new DissolveAddressGroup(NETWORK, CENTRAL_ASIA, signedBy(ADMIN, administrator)))
               .expectNoEvents()
               .expectException(ProblemException.class);
    }

    private static List<Object> founding() {
        SignedSubmission submission = signedBy(ADMIN, administrator);
        List<Object> events = new ArrayList<>();
        events.add(new NetworkFounded(NETWORK, "Early-Warning Network", der(root), submission));
        events.add(new AgencyRegistered(ADMIN, "Network administration", true, submission));
        events.add(new KeyEnrolled(ADMIN, keyId(administrator), KeyPurpose.SIGNING, der(administrator), submission));
        return events;
    }

    private static List<Object> withKazakhstan() {
        List<Object> events = founding();
        events.add(new MemberAdmitted(KZ, "Kazakhstan", MemberKind.STATE, der(kzCa), signedBy(ADMIN, administrator)));
        events.add(new AgencyRegistered(KZ_MVD, "Ministry", false, signedBy(ADMIN, administrator)));
        return events;
    }

    private static List<Object> withKazakhstanKey() {
        List<Object> events = withKazakhstan();
        events.add(new KeyEnrolled(KZ_MVD, keyId(kzSigning), KeyPurpose.SIGNING, der(kzSigning),
                                   signedBy(ADMIN, administrator)));
        return events;
    }

    private static SignedSubmission signedBy(AgencyCode agency, IssuedKey key) {
        UUID id = UUID.randomUUID();
        return new SignedSubmission(id, "test", agency, keyId(key), NOW, NOW, "hash-" + id, "h.p.s");
    }

    private static org.hamcrest.Matcher<Object> failure(TrustFailure failure) {
        return matches((Object e) -> e instanceof TrustException t && t.failure() == failure);
    }

    private static String keyId(IssuedKey key) {
        return KeyIds.of(key.certificate().getPublicKey());
    }

    private static String der(IssuedKey key) {
        return Base64.getEncoder().encodeToString(NetworkPki.der(key.certificate()));
    }
}
