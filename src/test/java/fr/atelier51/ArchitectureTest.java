package fr.atelier51;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Keeps the shape we chose: features in slices without cycles, and domain ← service ← ui/api inside each. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.atelier51");
    }

    @Test
    void domainDependsOnNoServiceNorPresentation() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..service..", "..ui..", "..api..", "..security..")
                .check(classes);
    }

    @Test
    void servicesDoNotKnowThePresentation() {
        noClasses().that().resideInAPackage("..service..")
                .should().dependOnClassesThat().resideInAnyPackage("..ui..", "..api..")
                .check(classes);
    }

    @Test
    void viewsAndApiDoNotReachIntoEachOther() {
        noClasses().that().resideInAPackage("..ui..").should().dependOnClassesThat().resideInAPackage("..api..").check(classes);
        noClasses().that().resideInAPackage("..api..").should().dependOnClassesThat().resideInAPackage("..ui..").check(classes);
    }

    @Test
    void featureSlicesAreFreeOfCycles() {
        slices().matching("fr.atelier51.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void baseDependsOnNoFeature() {
        noClasses().that().resideInAPackage("fr.atelier51.base..")
                .should().dependOnClassesThat().resideOutsideOfPackages("fr.atelier51.base..", "java..", "javax..", "jakarta..",
                        "org..", "com.vaadin..", "tools.jackson..", "com.fasterxml..")
                .check(classes);
    }

    @Test
    void everyViewDeclaresWhoMayOpenIt() {
        classes().that().areAnnotatedWith(Route.class)
                .should().beAnnotatedWith(PermitAll.class).orShould().beAnnotatedWith(RolesAllowed.class)
                .orShould().beAnnotatedWith(AnonymousAllowed.class).orShould().beAnnotatedWith(DenyAll.class)
                .check(classes);
    }

    @Test
    void restControllersLiveInApiPackages() {
        classes().that().areAnnotatedWith(RestController.class).should().resideInAPackage("..api..").check(classes);
    }
}
