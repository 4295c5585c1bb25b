package org.wholecare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;

/**
 * The README's module diagram is the one Spring Modulith draws from the code, so it cannot go
 * stale: this writes it (target/spring-modulith-docs) and fails if the README shows another. Run
 * with -Dwholecare.update-readme=true to put the new one in the README.
 */
class ModuleDiagramTest {

    private static final String START = "```plantuml\n";
    private static final String END = "```\n<!-- module diagram: written by ModuleDiagramTest -->";

    @Test
    void theReadmeShowsTheModulesAsTheCodeHasThem() throws IOException {
        var modules = ApplicationModules.of(WholecareApplication.class);
        String folder = "target/spring-modulith-docs";
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(folder))
                .writeModulesAsPlantUml(DiagramOptions.defaults().withStyle(DiagramOptions.DiagramStyle.UML))
                .writeIndividualModulesAsPlantUml();
        String drawn = canonical(Files.readString(Path.of(folder, "components.puml")));
        assertThat(drawn).contains("==Purchase").contains("==Ledger");

        Path readme = Path.of("README.md");
        String text = Files.readString(readme);
        int end = text.indexOf(END);
        assertThat(end).as("the README has the generated module diagram, ending with the marker").isPositive();
        int start = text.lastIndexOf(START, end);
        String shown = canonical(text.substring(start + START.length(), end));
        if (Boolean.getBoolean("wholecare.update-readme") && !shown.equals(drawn)) {
            Files.writeString(readme, text.substring(0, start + START.length()) + drawn + text.substring(end));
            shown = drawn;
        }
        assertThat(shown).as("the README's module diagram (run with -Dwholecare.update-readme=true)").isEqualTo(drawn);
    }

    /**
     * The diagram with its components and its arrows each in name order: Spring Modulith lists them
     * in whatever order it met them, which changes from one run to the next.
     */
    static String canonical(String puml) {
        List<String> out = new ArrayList<>();
        List<String> run = new ArrayList<>();
        String runKind = null;
        for (String line : puml.strip().split("\n")) {
            String kind = line.startsWith("  component ") ? "component" : line.contains(" --> ") ? "arrow" : null;
            if (!java.util.Objects.equals(kind, runKind)) {
                run.sort(null);
                out.addAll(run);
                run.clear();
                runKind = kind;
            }
            if (kind == null) {
                out.add(line);
            } else {
                run.add(line);
            }
        }
        run.sort(null);
        out.addAll(run);
        return String.join("\n", out) + "\n";
    }
}
