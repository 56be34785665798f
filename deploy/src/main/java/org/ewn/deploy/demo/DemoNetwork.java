package org.ewn.deploy.demo;

import org.ewn.access.Account;
import org.ewn.access.Directory;
import org.ewn.access.Member;
import org.ewn.access.Role;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.MemberCode;
import org.ewn.deploy.store.DataProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * On first start, sets up the demo network: the five member states and one partner organisation, each
 * with one demo agency, an agency account and an officer account. Everything it creates is marked as
 * demo; the passwords are written once to {@code demo-credentials.txt} in the data directory, readable
 * by its owner only, and never logged.
 */
@Component
@ConditionalOnProperty(name = "ewn.demo.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties({DemoProperties.class, DataProperties.class})
class DemoNetwork implements ApplicationRunner {

    static final String CREDENTIALS_FILE = "demo-credentials.txt";
    static final List<Member> MEMBERS = List.of(
            new Member(MemberCode.of("KZ"), "Kazakhstan", Member.Kind.STATE, true),
            new Member(MemberCode.of("KG"), "Kyrgyzstan", Member.Kind.STATE, true),
            new Member(MemberCode.of("TJ"), "Tajikistan", Member.Kind.STATE, true),
            new Member(MemberCode.of("TM"), "Turkmenistan", Member.Kind.STATE, true),
            new Member(MemberCode.of("UZ"), "Uzbekistan", Member.Kind.STATE, true),
            new Member(MemberCode.of("UNOCT"), "United Nations Office of Counter-Terrorism",
                    Member.Kind.PARTNER_ORGANISATION, true));

    private static final Logger log = LoggerFactory.getLogger(DemoNetwork.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final Directory directory;
    private final PasswordEncoder passwords;
    private final DemoProperties properties;
    private final Path credentialsFile;
    private final SecureRandom random = new SecureRandom();

    DemoNetwork(Directory directory, PasswordEncoder passwords, DemoProperties properties, DataProperties data) {
        this.directory = directory;
        this.passwords = passwords;
        this.properties = properties;
        this.credentialsFile = data.dir().resolve(CREDENTIALS_FILE);
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        List<String> created = new ArrayList<>();
        for (Member member : MEMBERS) {
            directory.save(member);
            AgencyCode agency = new AgencyCode(member.code().value() + "-DEMO");
            created.addAll(account(member.code().value().toLowerCase() + "-agency", agency, Role.AGENCY));
            created.addAll(account(member.code().value().toLowerCase() + "-officer", agency, Role.OFFICER));
        }
        if (!created.isEmpty()) {
            writeCredentials(created);
            log.info("Demo network set up: {} demo accounts, credentials in {}", created.size(), credentialsFile.toAbsolutePath());
        } else {
            log.info("Demo network present; its credentials are in {}", credentialsFile.toAbsolutePath());
        }
    }

    private List<String> account(String username, AgencyCode agency, Role role) {
        if (directory.hasAccount(username)) {
            return List.of();
        }
        String password = properties.password() == null || properties.password().isBlank()
                ? randomPassword() : properties.password();
        directory.save(new Account(username, passwords.encode(password), agency, Set.of(role), true));
        return List.of(String.format("%-16s %-20s %-10s %-8s %s", username, password, agency, role, agency.member()));
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
            content.add(String.format("# %-14s %-20s %-10s %-8s %s", "username", "password", "agency", "role", "member"));
        }
        content.addAll(lines);
        Files.write(credentialsFile, content, StandardOpenOption.APPEND);
    }
}
