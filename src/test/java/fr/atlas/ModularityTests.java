package fr.atlas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	private static final Path OUTPUT = Path.of("docs/modules");

	ApplicationModules modules = ApplicationModules.of(AtlasApplication.class);

	@Test
	void verifiesModuleStructure() {
		this.modules.verify();
	}

	@Test
	void writesModuleDocumentation() throws IOException {
		new Documenter(this.modules, Documenter.Options.defaults().withOutputFolder(OUTPUT.toString()))
			.writeDocumentation();
		try (Stream<Path> diagrams = Files.list(OUTPUT)) {
			for (Path file : diagrams.toList()) {
				if (file.toString().endsWith(".puml")) {
					sortRelations(file);
				}
				else if (file.toString().endsWith(".adoc")) {
					sortListedTypes(file);
				}
			}
		}
	}

	/**
	 * The same for the module canvases: a table cell lists types as {@code |* a}, then
	 * {@code * b}, {@code * c} in hash order; each such list is sorted.
	 */
	private static void sortListedTypes(Path canvas) throws IOException {
		List<String> lines = Files.readAllLines(canvas);
		List<String> sorted = new ArrayList<>(lines.size());
		List<String> items = new ArrayList<>();
		for (String line : lines) {
			if (line.startsWith("|* ") || (!items.isEmpty() && line.startsWith("* "))) {
				items.add(line.startsWith("|") ? line.substring(1) : line);
				continue;
			}
			addSortedCell(sorted, items);
			sorted.add(line);
		}
		addSortedCell(sorted, items);
		Files.write(canvas, sorted);
	}

	private static void addSortedCell(List<String> lines, List<String> items) {
		if (items.isEmpty()) {
			return;
		}
		items.sort(null);
		lines.add("|" + items.get(0));
		lines.addAll(items.subList(1, items.size()));
		items.clear();
	}

	/**
	 * The Documenter writes relations in hash order, so the committed diagrams changed on
	 * every build; their order means nothing to PlantUML, so each run of them is sorted.
	 */
	private static void sortRelations(Path diagram) throws IOException {
		List<String> lines = Files.readAllLines(diagram);
		List<String> sorted = new ArrayList<>(lines.size());
		List<String> relations = new ArrayList<>();
		for (String line : lines) {
			if (line.startsWith("Rel(")) {
				relations.add(line);
				continue;
			}
			relations.sort(null);
			sorted.addAll(relations);
			relations.clear();
			sorted.add(line);
		}
		relations.sort(null);
		sorted.addAll(relations);
		Files.write(diagram, sorted);
	}

}
