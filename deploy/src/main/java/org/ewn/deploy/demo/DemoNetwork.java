package org.ewn.deploy.demo;

import org.ewn.access.Account;
import org.ewn.access.Accounts;
import org.ewn.access.Role;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.GroupCode;
import org.ewn.api.member.MemberCode;
import org.ewn.api.membership.MemberKind;
import org.ewn.api.submission.SubmissionTypes;
import org.ewn.command.membership.MembershipSubmissions;
import org.ewn.command.submission.HubKey;
import org.ewn.command.submission.TrustProperties;
import org.ewn.command.submission.TrustRegistry;
import org.ewn.deploy.store.DataProperties;
import org.ewn.trust.IssuedKey;
import org.ewn.trust.KeyIds;
import org.ewn.trust.NetworkMembership;
import org.ewn.trust.NetworkPki;
import org.ewn.trust.SubmissionSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * On first start, sets up the demo network for real: its keys and certificates ({@link DemoPki}), then the founding,
 * the five member states and one partner organisation, one demo agency each with its keys enrolled, and the address
 * group CENTRAL-ASIA of the five states, every step a signed submission through the same gate as the API. Each agency
 * also gets an agency account, an officer account, a supervisor account (an officer who is also told of escalations)
 * and an auditor account. Everything is marked demo; passwords go to {@code demo-credentials.txt} in the data
 * directory, readable by its owner only, and are never logged. Every step is skipped when already done, so an
 * interrupted setup completes on the next start.
 */
@Component
@ConditionalOnProperty(name = "ewn.demo.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties({DemoProperties.class, DataProperties.class})
class DemoNetwork implements ApplicationRunner {

    static final String CREDENTIALS_FILE = "demo-credentials.txt";
    static final String PKI_DIR = "demo-pki";
    /** The demo's address group of its states. */
    static final GroupCode STATES_GROUP = GroupCode.of("CENTRAL-ASIA");
    static final List<DemoMember> MEMBERS = List.of(
            new DemoMember("KZ", "Kazakhstan", MemberKind.STATE),
            new DemoMember("KG", "Kyrgyzstan", MemberKind.STATE),
            new DemoMember("TJ", "Tajikistan", MemberKind.STATE),
            new DemoMember("TM", "Turkmenistan", MemberKind.STATE),
            new DemoMember("UZ", "Uzbekistan", MemberKind.STATE),
            new DemoMember("UNOCT", "United Nations Office of Counter-Terrorism", MemberKind.PARTNER_ORGANISATION));

    private static final Logger log = LoggerFactory.getLogger(DemoNetwork.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final DemoProperties properties;
    private final MembershipSubmissions submissions;
    private final TrustRegistry registry;
    private final String network;
    private final Path credentialsFile;
    private final DemoPki pki;
    private final IssuedKey root;
    private final SecureRandom random = new SecureRandom();

    /** Writes the key files before the hub can be asked for a receipt, so that it signs with the demo's hub key. */
    DemoNetwork(Accounts accounts, PasswordEncoder passwords, DemoProperties properties, DataProperties data,
                MembershipSubmissions submissions, TrustRegistry registry, TrustProperties trust) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.properties = properties;
        this.submissions = submissions;
        this.registry = registry;
        this.network = trust.network();
        this.credentialsFile = data.dir().resolve(CREDENTIALS_FILE);
        try {
            this.pki = new DemoPki(data.dir().resolve(PKI_DIR), keystorePassword(data.dir().resolve(PKI_DIR)));
            this.root = pki.root(network);
            pki.hub(root, trust.hubKeystore(), hubPassword(trust));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot set up the demo network's keys", e);
        }
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        SubmissionSigner administrator = new SubmissionSigner(pki.administrator(root, network + "-ADMIN"), network);
        found(administrator);
        List<String> created = new ArrayList<>();
        for (DemoMember member : MEMBERS) {
            AgencyCode agency = new AgencyCode(member.code() + "-DEMO");
            join(administrator, member, agency);
            created.addAll(account(member.code().toLowerCase() + "-agency", agency, Role.AGENCY));
            created.addAll(account(member.code().toLowerCase() + "-officer", agency, Role.OFFICER));
            created.addAll(account(member.code().toLowerCase() + "-supervisor", agency, Role.OFFICER,
                                   Role.SUPERVISOR));
            created.addAll(account(member.code().toLowerCase() + "-auditor", agency, Role.AUDITOR));
        }
        groupOfTheStates(administrator);
        created.addAll(account(network.toLowerCase() + "-admin", new AgencyCode(administrator.agency()),
                               Role.ADMINISTRATOR));
        if (!created.isEmpty()) {
            writeCredentials(created);
            log.info("Demo network set up: {} demo accounts; credentials in {}, keys in {}", created.size(),
                     credentialsFile.toAbsolutePath(), pki.dir().toAbsolutePath());
        } else {
            log.info("Demo network present; its credentials are in {}", credentialsFile.toAbsolutePath());
        }
    }

    private void found(SubmissionSigner administrator) throws IOException {
        if (registry.refresh().founded()) {
            return;
        }
        IssuedKey key = pki.administrator(root, administrator.agency());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Early-Warning Network (demo)");
        body.put("rootCertificate", base64(root));
        body.put("administratorCertificate", base64(key));
        submissions.found(administrator.sign(SubmissionTypes.NETWORK_FOUND, body), true);
    }

    private void join(SubmissionSigner administrator, DemoMember member, AgencyCode agency) throws IOException {
        NetworkMembership membership = registry.refresh();
        IssuedKey ca = pki.memberCa(root, member.code(), member.name());
        if (membership.member(MemberCode.of(member.code())).isEmpty()) {
            submissions.admit(administrator.sign(SubmissionTypes.MEMBER_ADMIT, Map.of(
                    "member", member.code(), "name", member.name(), "kind", member.kind().name(),
                    "caCertificate", base64(ca))));
        }
        if (membership.agency(agency).isEmpty()) {
            submissions.register(administrator.sign(SubmissionTypes.AGENCY_REGISTER, Map.of(
                    "agency", agency.value(), "name", member.name() + " demo agency", "administrator", false)));
        }
        for (IssuedKey key : pki.agency(ca, agency.value()).values()) {
            if (membership.key(KeyIds.of(key.certificate().getPublicKey())).isEmpty()) {
                submissions.enrol(administrator.sign(SubmissionTypes.KEY_ENROL, Map.of(
                        "agency", agency.value(), "certificate", base64(key))), agency);
            }
        }
    }

    /** An address group of the demo's five states, without the partner organisation. */
    private void groupOfTheStates(SubmissionSigner administrator) {
        if (registry.refresh().group(STATES_GROUP).isPresent()) {
            return;
        }
        List<String> states = MEMBERS.stream().filter(m -> m.kind() == MemberKind.STATE).map(DemoMember::code).toList();
        submissions.defineGroup(administrator.sign(SubmissionTypes.GROUP_DEFINE, Map.of(
                "group", STATES_GROUP.value(), "name", "Central Asian states", "members", states)));
    }

    private List<String> account(String username, AgencyCode agency, Role... roles) {
        if (accounts.hasAccount(username)) {
            return List.of();
        }
        String password = blank(properties.password()) ? randomPassword() : properties.password();
        accounts.save(new Account(username, passwords.encode(password), agency, Set.of(roles), true));
        String named = Arrays.stream(roles).map(Role::name).collect(Collectors.joining(","));
        return List.of(String.format("%-17s %-20s %-10s %-18s %s", username, password, agency, named,
                                     agency.member()));
    }

    /** The demo's keystores share one password: the demo password if set, else a random one kept in a file. */
    private char[] keystorePassword(Path dir) throws IOException {
        return configuredOrKept(properties.password(), dir.resolve("keystore-password.txt"));
    }

    private static char[] hubPassword(TrustProperties trust) throws IOException {
        return configuredOrKept(trust.hubKeystorePassword(), HubKey.passwordFile(trust.hubKeystore()));
    }

    /** The configured password; else the one kept in {@code file}, written there with a random one if absent. */
    private static char[] configuredOrKept(String configured, Path file) throws IOException {
        if (!blank(configured)) {
            return configured.toCharArray();
        }
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray();
        }
        return HubKey.writePasswordFile(file);
    }

    private static String base64(IssuedKey key) {
        return Base64.getEncoder().encodeToString(NetworkPki.der(key.certificate()));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private String randomPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    private void writeCredentials(List<String> lines) throws IOException {
        Files.createDirectories(credentialsFile.toAbsolutePath().getParent());
        boolean fresh = !Files.exists(credentialsFile);
        if (fresh) {
            Files.createFile(credentialsFile);
            try {
                Files.setPosixFilePermissions(credentialsFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                log.debug("File system without POSIX permissions; {} keeps its default permissions", credentialsFile);
            }
        }
        List<String> content = new ArrayList<>();
        if (fresh) {
            content.add("# DEMO NETWORK - demo accounts only, not for real use. Turn off with EWN_DEMO_ENABLED=false.");
            content.add("# Agency keys: " + pki.dir().toAbsolutePath() + "/<AGENCY>.p12 (aliases signing, encryption);"
                        + " keystore password: the demo password, or keystore-password.txt there.");
            content.add("# Keys for the web console: " + pki.dir().toAbsolutePath()
                        + "/<AGENCY>-signing-key.pem and <AGENCY>-encryption-key.pem (PKCS#8, unencrypted).");
            content.add(String.format("# %-14s %-20s %-10s %-8s %s", "username", "password", "agency", "role", "member"));
        }
        content.addAll(lines);
        Files.write(credentialsFile, content, StandardOpenOption.APPEND);
    }

    record DemoMember(String code, String name, MemberKind kind) {
    }
}
