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

    @ArchTest
    static final ArchRule noCyclesBetweenFeatures =
            slices().matching("dev.gradientdeck.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule cardsKnowNothingOfDescent = noClasses()
            .that()
            .resideInAPackage("dev.gradientdeck.cards..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.gradientdeck.descent..")
            .because("the importer checks a ```descent block through cards.BlockCheck, which descent provides");

    /**
     * Descent's layers, each using only those below it: engine (problems, optimizers, runs) at the bottom, then spec
     * (a checked spec), then exercise (grading), explain (worked lines, run stories) and plots (geometry), then web.
     */
    @ArchTest
    static final ArchRule descentLayersPointDown = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("engine")
            .definedBy("dev.gradientdeck.descent.engine..")
            .layer("spec")
            .definedBy("dev.gradientdeck.descent.spec..")
            .layer("exercise")
            .definedBy("dev.gradientdeck.descent.exercise..")
            .layer("explain")
            .definedBy("dev.gradientdeck.descent.explain..")
            .layer("plots")
            .definedBy("dev.gradientdeck.descent.plots..")
            .layer("web")
            .definedBy("dev.gradientdeck.descent.web..")
            .layer("top")
            .definedBy("dev.gradientdeck.descent")
            .whereLayer("top")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("web")
            .mayOnlyBeAccessedByLayers("top")
            .whereLayer("explain")
            .mayOnlyBeAccessedByLayers("web", "top")
            .whereLayer("plots")
            .mayOnlyBeAccessedByLayers("web", "top")
            .whereLayer("exercise")
            .mayOnlyBeAccessedByLayers("web", "top")
            .whereLayer("spec")
            .mayOnlyBeAccessedByLayers("exercise", "explain", "web", "top")
            .whereLayer("engine")
            .mayOnlyBeAccessedByLayers("spec", "exercise", "explain", "plots", "web", "top");

    /** What every feature may use and none may change: days, the presentation kit, the database and web plumbing. */
    private static final String[] FOUNDATION = {
        "dev.gradientdeck.days..", "dev.gradientdeck.present..", "dev.gradientdeck.db..", "dev.gradientdeck.web.."
    };

    @ArchTest
    static final ArchRule layersInOrder = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Wiring")
            .definedBy(resideInAPackage("dev.gradientdeck"))
            .layer("Features")
            .definedBy(resideInAPackage("dev.gradientdeck.*..").and(not(resideInAnyPackage(FOUNDATION))))
            .layer("Foundation")
            .definedBy(resideInAnyPackage(FOUNDATION))
            .whereLayer("Wiring")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Features")
            .mayOnlyBeAccessedByLayers("Wiring")
            .because("App and Server wire the features together; the foundation knows no feature");

    @ArchTest
    static final ArchRule daysDependOnNothingOfTheApp = noClasses()
            .that()
            .resideInAPackage("dev.gradientdeck.days..")
            .should()
            .dependOnClassesThat(otherAppPackagesThan("dev.gradientdeck.days.."))
            .because("every feature asks days which day it is, so days can ask none of them");

    @ArchTest
    static final ArchRule thePresentationKitDependsOnNothingOfTheApp = noClasses()
            .that()
            .resideInAPackage("dev.gradientdeck.present..")
            .should()
            .dependOnClassesThat(otherAppPackagesThan("dev.gradientdeck.present.."))
            .because("pages, the command line, the API and pure cores all format with it");

    /**
     * A feature's edges: routes (Javalin), repositories (Jdbi, SQL) and page models (jte content). Everything else in a
     * feature is its pure core, or a service that joins a core to its repository without touching a framework itself.
     */
    private static final Set<String> EDGE_SUFFIXES = Set.of("Routes", "Repository", "Pages");

    /** {@code CardViews.Exercises} is a routes hook (a Javalin context in, jte content out) that the descent routes implement. */
    private static final String CARD_VIEWS = "dev.gradientdeck.cards.CardViews";

    private static final DescribedPredicate<JavaClass> EDGE = DescribedPredicate.describe(
            "an edge (routes, repository, pages)",
            c -> topLevel(c).equals(CARD_VIEWS) || EDGE_SUFFIXES.stream().anyMatch(topLevel(c)::endsWith));

    @ArchTest
    static final ArchRule pureCoresUseNoFramework = noClasses()
            .that(resideInAPackage("dev.gradientdeck.*..")
                    // A feature split into sub-packages keeps its edges together in its own web package.
                    .and(not(resideInAnyPackage(
                            "dev.gradientdeck.web..", "dev.gradientdeck.db..", "dev.gradientdeck.*.web..")))
                    .and(not(EDGE)))
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.javalin..", "org.jdbi..", "gg.jte..")
            .because("a pure core is records and functions: requests, SQL and templates stay at the edges");

    /**
     * Practice in one direction: its pages and API (web) over the mock interview, over taking answers (the package itself),
     * over measuring speech and covering key points, over reading audio and recognizing words (speech).
     */
    @ArchTest
    static final ArchRule practiceSubPackagesInOneDirection = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("web")
            .definedBy("dev.gradientdeck.practice.web..")
            .layer("interview")
            .definedBy("dev.gradientdeck.practice.interview..")
            .layer("answers")
            .definedBy("dev.gradientdeck.practice")
            .layer("measure")
            .definedBy("dev.gradientdeck.practice.measure..")
            .layer("coverage")
            .definedBy("dev.gradientdeck.practice.coverage..")
            .layer("speech")
            .definedBy("dev.gradientdeck.practice.speech..")
            .whereLayer("web")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("interview")
            .mayOnlyBeAccessedByLayers("web")
            .whereLayer("answers")
            .mayOnlyBeAccessedByLayers("web", "interview")
            .whereLayer("measure")
            .mayOnlyBeAccessedByLayers("web", "interview", "answers")
            .whereLayer("coverage")
            .mayOnlyBeAccessedByLayers("web", "interview", "answers")
            .whereLayer("speech")
            .mayOnlyBeAccessedByLayers("web", "interview", "answers", "measure")
            .withOptionalLayers(true);

    private static DescribedPredicate<JavaClass> otherAppPackagesThan(String own) {
        return resideInAPackage("dev.gradientdeck..").and(resideOutsideOfPackage(own));
    }

    /** The class a nested class or lambda belongs to, by its binary name. */
    private static String topLevel(JavaClass c) {
        String name = c.getName();
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }
}
