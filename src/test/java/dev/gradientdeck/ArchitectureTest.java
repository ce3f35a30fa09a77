package dev.gradientdeck;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/** The house rules that the compiler cannot see: features in one direction, pure cores free of frameworks. */
@AnalyzeClasses(packages = "dev.gradientdeck", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * The one edge still allowed against the direction of the features: {@code DeckImporter} checks a descent card's spec
     * while importing it. Issue 13 (the descent restructuring) removes it; then delete this exception.
     */
    private static final DescribedPredicate<JavaClass> DECK_IMPORTER = topLevelNamed("dev.gradientdeck.cards.DeckImporter");

    @ArchTest
    static final ArchRule noCyclesBetweenFeatures = slices()
            .matching("dev.gradientdeck.(*)..")
            .should().beFreeOfCycles()
            .ignoreDependency(DECK_IMPORTER, resideInAPackage("dev.gradientdeck.descent.."));

    @ArchTest
    static final ArchRule daysDependOnNothingOfTheApp = noClasses()
            .that().resideInAPackage("dev.gradientdeck.days..")
            .should().dependOnClassesThat(otherAppPackagesThan("dev.gradientdeck.days.."))
            .because("every feature asks days which day it is, so days can ask none of them");

    @ArchTest
    static final ArchRule thePresentationKitDependsOnNothingOfTheApp = noClasses()
            .that().resideInAPackage("dev.gradientdeck.present..")
            .should().dependOnClassesThat(otherAppPackagesThan("dev.gradientdeck.present.."))
            .because("pages, the command line, the API and pure cores all format with it");

    /**
     * A feature's edges: routes (Javalin), repositories (Jdbi, SQL) and page models (jte content). Everything else in a
     * feature is its pure core, or a service that joins a core to its repository without touching a framework itself.
     */
    private static final Set<String> EDGE_SUFFIXES = Set.of("Routes", "Repository", "Pages");

    /**
     * {@code CardViews.Exercises} is a routes hook (a Javalin context in, jte content out) that the descent routes
     * implement; it moves beside {@code CardRoutes} when issue 13's restructuring of descent lands.
     */
    private static final String CARD_VIEWS = "dev.gradientdeck.cards.CardViews";

    private static final DescribedPredicate<JavaClass> EDGE = DescribedPredicate.describe(
            "an edge (routes, repository, pages)",
            c -> topLevel(c).equals(CARD_VIEWS) || EDGE_SUFFIXES.stream().anyMatch(topLevel(c)::endsWith));

    @ArchTest
    static final ArchRule pureCoresUseNoFramework = noClasses()
            .that(resideInAPackage("dev.gradientdeck.*..")
                    // A feature split into sub-packages keeps its edges together in its own web package.
                    .and(not(resideInAnyPackage("dev.gradientdeck.web..", "dev.gradientdeck.db..", "dev.gradientdeck.*.web..")))
                    .and(not(EDGE)))
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.jdbi..", "gg.jte..")
            .because("a pure core is records and functions: requests, SQL and templates stay at the edges");

    /**
     * Practice in one direction: its pages and API (web) over the mock interview, over taking answers (the package itself),
     * over measuring speech and covering key points, over reading audio and recognizing words (speech).
     */
    @ArchTest
    static final ArchRule practiceSubPackagesInOneDirection = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("web").definedBy("dev.gradientdeck.practice.web..")
            .layer("interview").definedBy("dev.gradientdeck.practice.interview..")
            .layer("answers").definedBy("dev.gradientdeck.practice")
            .layer("measure").definedBy("dev.gradientdeck.practice.measure..")
            .layer("coverage").definedBy("dev.gradientdeck.practice.coverage..")
            .layer("speech").definedBy("dev.gradientdeck.practice.speech..")
            .whereLayer("web").mayNotBeAccessedByAnyLayer()
            .whereLayer("interview").mayOnlyBeAccessedByLayers("web")
            .whereLayer("answers").mayOnlyBeAccessedByLayers("web", "interview")
            .whereLayer("measure").mayOnlyBeAccessedByLayers("web", "interview", "answers")
            .whereLayer("coverage").mayOnlyBeAccessedByLayers("web", "interview", "answers")
            .whereLayer("speech").mayOnlyBeAccessedByLayers("web", "interview", "answers", "measure")
            .withOptionalLayers(true);

    private static DescribedPredicate<JavaClass> otherAppPackagesThan(String own) {
        return resideInAPackage("dev.gradientdeck..").and(resideOutsideOfPackage(own));
    }

    private static DescribedPredicate<JavaClass> topLevelNamed(String name) {
        return DescribedPredicate.describe(name, c -> topLevel(c).equals(name));
    }

    /** The class a nested class or lambda belongs to, by its binary name. */
    private static String topLevel(JavaClass c) {
        String name = c.getName();
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }
}
