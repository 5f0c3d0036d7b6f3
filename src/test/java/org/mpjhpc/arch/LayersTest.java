package org.mpjhpc.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The packages' layers, checked on the compiled classes: the base (log, output, comm,
 * config) and the live monitor know no workload and no launcher, a workload knows no other workload, and
 * only the launcher (app) knows them all, through its one registry. Only {@code comm}
 * talks to MPJ Express.
 */
class LayersTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.mpjhpc");

    @Test
    void importsOnlyRunDownTheLayers() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("launcher").definedBy("org.mpjhpc.app..")
                .layer("farm").definedBy("org.mpjhpc.farm..")
                .layer("fv").definedBy("org.mpjhpc.fv..")
                .layer("data").definedBy("org.mpjhpc.data..")
                .layer("diag").definedBy("org.mpjhpc.diag..")
                .layer("kernels").definedBy("org.mpjhpc.kernels..")
                .layer("monitor").definedBy("org.mpjhpc.monitor..")
                .layer("config").definedBy("org.mpjhpc.config..")
                .layer("comm").definedBy("org.mpjhpc.comm..")
                .layer("base").definedBy("org.mpjhpc.log..", "org.mpjhpc.output..", "org.mpjhpc.mapreduce..")
                .whereLayer("launcher").mayNotBeAccessedByAnyLayer()
                .whereLayer("farm").mayOnlyBeAccessedByLayers("launcher")
                .whereLayer("fv").mayOnlyBeAccessedByLayers("launcher")
                .whereLayer("data").mayOnlyBeAccessedByLayers("launcher")
                .whereLayer("diag").mayOnlyBeAccessedByLayers("launcher")
                .whereLayer("kernels").mayOnlyBeAccessedByLayers("launcher")
                .whereLayer("monitor").mayOnlyBeAccessedByLayers("launcher", "farm", "fv", "data")
                .whereLayer("config").mayOnlyBeAccessedByLayers("launcher", "farm", "fv", "data", "diag", "kernels",
                        "monitor")
                .whereLayer("comm").mayOnlyBeAccessedByLayers("launcher", "farm", "fv", "data", "diag", "kernels",
                        "config")
                .check(MAIN);
    }

    @Test
    void theDataJobsShareOnlyTheFileFormatsAndTheCommonRoom() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("launcher").definedBy("org.mpjhpc.app..")
                .layer("stats").definedBy("org.mpjhpc.data.stats..")
                .layer("wordcount").definedBy("org.mpjhpc.data.wordcount..")
                .layer("generate").definedBy("org.mpjhpc.data.generate..")
                .layer("mapreduce").definedBy("org.mpjhpc.data.mapreduce..")
                .layer("format").definedBy("org.mpjhpc.data.format..")
                .layer("common").definedBy("org.mpjhpc.data")
                .whereLayer("stats").mayOnlyBeAccessedByLayers("launcher")
                .whereLayer("wordcount").mayOnlyBeAccessedByLayers("launcher")
                .whereLayer("generate").mayOnlyBeAccessedByLayers("launcher")
                .whereLayer("mapreduce").mayOnlyBeAccessedByLayers("launcher")
                .whereLayer("format").mayOnlyBeAccessedByLayers("stats", "wordcount", "generate", "mapreduce")
                .whereLayer("common").mayOnlyBeAccessedByLayers("stats", "wordcount", "generate", "mapreduce", "format")
                .check(MAIN);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.mpjhpc.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void onlyCommTalksToMpj() {
        noClasses().that().resideOutsideOfPackage("org.mpjhpc.comm..")
                .should().dependOnClassesThat().resideInAnyPackage("mpi..", "mpjdev..", "xdev..", "mpjbuf..")
                .check(MAIN);
    }
}
