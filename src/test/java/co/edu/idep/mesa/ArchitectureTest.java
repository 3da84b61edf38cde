package co.edu.idep.mesa;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Packages by capability, with one-way dependencies between them. */
@AnalyzeClasses(packages = "co.edu.idep.mesa", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule noCyclesBetweenPackages =
      slices().matching("co.edu.idep.mesa.(*)..").should().beFreeOfCycles();

  /** The shared pieces serve every capability and know none of them. */
  @ArchTest
  static final ArchRule sharedPiecesKnowNoCapability = noClasses()
      .that().resideInAnyPackage("co.edu.idep.mesa.web..", "co.edu.idep.mesa.validation..")
      .should().dependOnClassesThat().resideInAnyPackage("co.edu.idep.mesa.ticket..", "co.edu.idep.mesa.security..",
          "co.edu.idep.mesa.report..", "co.edu.idep.mesa.accounts..", "co.edu.idep.mesa.loans..",
          "co.edu.idep.mesa.escalation..", "co.edu.idep.mesa.audit..", "co.edu.idep.mesa.privacy..");
}
