package org.ewn.deploy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The boundaries between the modules and layers that Maven alone cannot state. */
class ArchitectureTest {

    private static JavaClasses network;

    @BeforeAll
    static void importClasses() {
        network = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.ewn");
    }

    @Test
    void importsAllModules() {
        assertThat(network.containPackage("org.ewn.api.alert")).isTrue();
        assertThat(network.containPackage("org.ewn.command.alert")).isTrue();
        assertThat(network.containPackage("org.ewn.query.inbox")).isTrue();
        assertThat(network.containPackage("org.ewn.store")).isTrue();
    }

    @Test
    void messagesImportNoSpringAndNoMongoDb() {
        noClasses().that().resideInAPackage("org.ewn.api..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "com.mongodb..", "org.bson..", "jakarta.servlet..")
                .check(network);
    }

    @Test
    void eventStoreImportsNoSpring() {
        noClasses().that().resideInAPackage("org.ewn.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .check(network);
    }

    @Test
    void merkleTreeCoreImportsNoSpringAndNoMongoDb() {
        // offline verifiers run the very code the hub proves with, so it must stand alone
        noClasses().that().resideInAPackage("org.ewn.transparency..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "com.mongodb..", "org.bson..", "org.ewn.store..", "org.ewn.audit..")
                .check(network);
        noClasses().that().resideInAPackage("org.ewn.audit..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .check(network);
    }

    @Test
    void aggregatesImportNoWebOrPersistenceCode() {
        noClasses().that().areAnnotatedWith(Aggregate.class)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
                        "com.mongodb..", "org.bson..", "org.ewn.store..")
                .check(network);
    }

    @Test
    void querySideNeverDependsOnCommandSide() {
        noClasses().that().resideInAPackage("org.ewn.query..")
                .should().dependOnClassesThat().resideInAPackage("org.ewn.command..")
                .check(network);
    }

    @Test
    void commandSideNeverDependsOnQuerySide() {
        noClasses().that().resideInAPackage("org.ewn.command..")
                .should().dependOnClassesThat().resideInAPackage("org.ewn.query..")
                .check(network);
    }

    @Test
    void sharedApiDependsOnNeitherSide() {
        noClasses().that().resideInAnyPackage("org.ewn.api..", "org.ewn.store..", "org.ewn.access..", "org.ewn.config..",
                        "org.ewn.transparency..", "org.ewn.audit..", "org.ewn.seal..", "org.ewn.protect..",
                        "org.ewn.trust..", "org.ewn.verify..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ewn.command..", "org.ewn.query..", "org.ewn.deploy..")
                .check(network);
    }
}
